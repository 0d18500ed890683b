// Constructed sentences (no real person is quoted): each pins one rule of the pipeline.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../test/helpers/ingest.js';

describe('quotes and their speakers', () => {
  it('credits a quote-first quotation to an inverted cue, with the side from the speaker phrase', async () => {
    const x = await extractText('“We are ready to lead the combined forces,” said a South Korean defense official.');
    expect(x.quotes).toMatchObject([{ speaker: null, side: 'ROK', role: 'a South Korean defense official', text: 'We are ready to lead the combined forces' }]);
  });
  it('credits a speaker-first fragment, stepping over an appositive to the name', async () => {
    const x = await extractText('General Bravo, commander of U.S. Forces Korea, said the allies "must meet every condition first."');
    expect(x.quotes).toMatchObject([{ speaker: 'Bravo', side: 'US', role: 'commander of U.S. Forces Korea', text: 'must meet every condition first' }]);
  });
  it('keeps a hyphenated given name whole when its second half reads as an adverb ("-back")', async () => {
    const x = await extractText('Defense Minister Kim Echo-back said on Thursday that the allies "will complete the verification this year."');
    expect(x.quotes).toMatchObject([{ speaker: 'Kim Echo-back', role: 'Defense Minister', side: 'ROK', attribution: 'cue-before' }]);
  });
  it('splits a quotation interrupted by its attribution into two, both credited', async () => {
    const x = await extractText('“The plan is sound,” Minister Alpha of South Korea said, “and it is on schedule.”');
    expect(x.quotes.map((q) => [q.text, q.speaker])).toEqual([['The plan is sound', 'Alpha'], ['and it is on schedule', 'Alpha']]);
  });
  it('carries the speaker to a quotation standing alone in the next sentence', async () => {
    const x = await extractText('“The drills went well,” a Pentagon spokesperson said. “We will keep at it.”');
    expect(x.quotes.map((q) => [q.text, q.side, q.attribution])).toEqual([['The drills went well', 'US', 'cue-after'], ['We will keep at it', 'US', 'carried-over']]);
  });
  it('resolves "he" to the latest speaker and "the official" to the speaker described so', async () => {
    const x = await extractText('A South Korean official said the talks went well. The official added, “Both sides see the same facts.” “We will decide soon,” he said.');
    expect(x.quotes.map((q) => q.side)).toEqual(['ROK', 'ROK']);
    expect(x.quotes[1]?.attribution).toBe('cue-after');
  });
  it('links a surname to the fullest form of the name in the text, with the side of the first mention', async () => {
    const x = await extractText('General Charlie Delta, commander of U.S. Forces Korea, spoke in Hawaii. Delta said the allies should "take the time the conditions need."');
    expect(x.quotes[0]).toMatchObject({ speaker: 'Charlie Delta', side: 'US', attribution: 'cue-before' });
  });
  it('gives an academic no side, even with a Korean affiliation', async () => {
    const x = await extractText("'The politics drive the calendar here,' said a professor at a Seoul university.");
    expect(x.quotes[0]).toMatchObject({ side: 'other' });
  });
  it('drops titles, themes, scare quotes and fragments under three words', async () => {
    const x = await extractText('Under the theme "A Stronger Military for a New Era," the minister called the plan "ambitious" and a "conditions-based" path to the "Defense Innovation Road Map".');
    expect(x.quotes).toEqual([]);
  });
  it('flags unbalanced marks and goes on', async () => {
    const x = await extractText('“The transfer is close,” a defense ministry official said.” Another mark “never closes');
    expect(x.quotes).toHaveLength(1);
    expect(x.warnings.length).toBe(2);
  });
});

describe('timeline targets', () => {
  it('labels the date of a transfer target with its holder', async () => {
    const x = await extractText('Seoul has proposed a handover date of 2028, but Washington wants to hand over responsibility by 2029.', '2026-03-10');
    expect(x.timeline_targets.map((t) => [t.normalized, t.kind, t.holder])).toEqual([['2028', 'target', 'ROK'], ['2029', 'target', 'US']]);
  });
  it('labels terms of office, deadlines and events, and leaves reporting days out', async () => {
    const x = await extractText(
      "A defense ministry official said on Tuesday that Seoul wants the transfer before the President's term ends in 2030, while the allies aim to meet the conditions no later than the first quarter of 2029. The ministers will review progress at the Security Consultative Meeting in October.",
      '2026-03-10',
    );
    expect(x.timeline_targets.map((t) => [t.normalized, t.kind, t.holder, t.qualifier])).toEqual([
      ['2030', 'term_end', 'ROK', 'in'],
      ['2029-Q1', 'deadline', 'joint', 'no later than'],
      ['2026-10', 'event', 'joint', 'in'],
    ]);
  });
  it('labels dates proposed by each side in a paragraph about the transfer', async () => {
    const x = await extractText('The allies agreed to transfer wartime operational control on April 17, 2012. The U.S. had proposed 2009, while Seoul wanted 2012.', '2007-02-24');
    expect(x.timeline_targets.map((t) => [t.normalized, t.holder])).toEqual([['2012-04-17', 'joint'], ['2009', 'US'], ['2012', 'ROK']]);
  });
  it('anchors a date to the end of a term, keeping "before" apart from the value', async () => {
    const x = await extractText("Seoul seeks to regain wartime operational control before the President's five-year term ends in 2030.", '2026-05-14');
    expect(x.timeline_targets).toMatchObject([{ normalized: '2030', kind: 'term_end', holder: 'ROK', anchor: 'before the term ends' }]);
  });
  it('leaves out dates of unrelated things', async () => {
    const x = await extractText('North Korea conducted a nuclear test in February 2013, and the transfer was later reconsidered.', '2014-06-01');
    expect(x.timeline_targets).toEqual([]);
  });
});

describe('conditions, stances and forums', () => {
  it('labels conditions presented as prerequisites, and none before 2014', async () => {
    const text = "The transfer depends on Seoul's capability to lead the combined defense, its capacity for an initial response to North Korean nuclear and missile threats, and a stable security environment.";
    expect((await extractText(text, '2019-11-15')).conditions_mentioned).toEqual(['capability_to_lead', 'strike_and_air_defense', 'regional_security_environment']);
    expect((await extractText(text, '2010-06-28')).conditions_mentioned).toEqual([]);
  });
  it('credits a push to its actor and a joint review to both sides', async () => {
    const x = await extractText('Seoul wants an early transfer of wartime operational control. Washington insists the conditions must be fully met first. Both delegations reviewed the roadmap.');
    expect(x.stances.map((s) => [s.side, s.stance])).toEqual([['ROK', 'accelerate'], ['US', 'cautious']]);
  });
  it('reads "opposes a delay" as a push to go ahead, and a passive delay as nobody’s', async () => {
    expect((await extractText('The Pentagon opposes any delay of the transfer.')).stances).toMatchObject([{ side: 'US', stance: 'accelerate' }]);
    expect((await extractText('The transfer was deferred amid provocations.')).stances).toEqual([]);
  });
  it('names forums, and not a summit with North Korea', async () => {
    const x = await extractText('The issue came up at the Security Consultative Meeting and at the Korea-U.S. Integrated Defense Dialogue. It did not come up at the summit with North Korea.');
    expect(x.forums).toEqual(['SCM', 'KIDD']);
  });
});
