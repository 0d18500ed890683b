/** `opcon user …`, `opcon token …` and `opcon audit …`: accounts, API tokens and the audit log, on the database directly. */
import { Option, type Command } from 'commander';
import { operations } from '../../app/registry.js';
import { ROLES, TOKEN_SCOPES, USER_PARTIES } from '../../core/access/roles.js';
import { EXIT } from '../exit-codes.js';
import { auditListText, auditVerifyText, tokensText, userText, usersText } from '../output/accounts-text.js';
import { runCommand, type CommandContext } from '../run.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Register the account and audit commands. */
export function registerAccounts(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  const user = program.command('user').description('accounts for the server: add, list, disable, reset-password');
  user
    .command('add')
    .description('add a user; a password is generated and shown once unless --password-stdin')
    .argument('<username>', 'lower-case letters, digits, ".", "_" or "-"')
    .addOption(new Option('--role <role>', 'what the user may do').choices(ROLES).makeOptionMandatory())
    .addOption(new Option('--party <party>', 'the party an analyst or viewer reads as (assessors read as their own party)').choices(USER_PARTIES))
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print JSON')
    .action(async (username: string, o: { role: string; party?: string; passwordStdin?: boolean; json?: boolean }) => {
      const password = o.passwordStdin === true ? await readStdin() : undefined;
      setExit(await runCommand(ctx, operations.userAdd, { username, role: o.role, party: o.party, password }, { isJson: o.json === true, render: (r) => userText(r, 'added') }));
    });
  user
    .command('list')
    .description('users, roles and the party each reads as')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => setExit(await runCommand(ctx, operations.userList, {}, { isJson: o.json === true, render: usersText })));
  user
    .command('disable')
    .description('disable a user: their sessions end at once and their tokens stop working')
    .argument('<username>')
    .option('--enable', 'enable a disabled user again')
    .option('--json', 'print JSON')
    .action(async (username: string, o: { enable?: boolean; json?: boolean }) =>
      setExit(await runCommand(ctx, operations.userDisable, { username, isDisabled: o.enable !== true }, { isJson: o.json === true, render: (u) => `${u.username} is ${u.isDisabled ? 'disabled' : 'enabled'}.\n` })),
    );
  user
    .command('reset-password')
    .description("set a new password (generated and shown once unless --password-stdin); the user's sessions end")
    .argument('<username>')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print JSON')
    .action(async (username: string, o: { passwordStdin?: boolean; json?: boolean }) => {
      const password = o.passwordStdin === true ? await readStdin() : undefined;
      setExit(await runCommand(ctx, operations.userResetPassword, { username, password }, { isJson: o.json === true, render: (r) => userText(r, 'new password for') }));
    });

  const token = program.command('token').description('API tokens for scripts: create, list, revoke');
  token
    .command('create')
    .description('create a token for a user (shown once; stored only as a hash)')
    .requiredOption('--user <username>', 'whose token')
    .requiredOption('--name <name>', 'what the token is for')
    .addOption(new Option('--scope <scope...>', 'read, write').choices(TOKEN_SCOPES).default(['read']))
    .option('--expires-in-days <n>', 'expire after this many days', (v) => Number(v))
    .option('--json', 'print JSON')
    .action(async (o: { user: string; name: string; scope: string[]; expiresInDays?: number; json?: boolean }) =>
      setExit(
        await runCommand(ctx, operations.tokenCreate, { username: o.user, name: o.name, scopes: o.scope, expiresInDays: o.expiresInDays }, {
          isJson: o.json === true,
          render: (r) => `token ${r.token.id} for ${r.token.username} [${r.token.scopes.join(', ')}] (shown once): ${r.secret}\nsend it as "Authorization: Bearer ${r.secret.slice(0, 8)}…"\n`,
        }),
      ),
    );
  token.command('list').description('every API token').option('--json', 'print JSON').action(async (o: { json?: boolean }) => setExit(await runCommand(ctx, operations.tokenList, {}, { isJson: o.json === true, render: tokensText })));
  token
    .command('revoke')
    .description('revoke a token')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => setExit(await runCommand(ctx, operations.tokenRevoke, { id }, { isJson: o.json === true, render: (t) => `token ${t.id} (${t.name}) revoked.\n` })));

  const audit = program.command('audit').description('the tamper-evident audit log of every write');
  audit
    .command('verify')
    .description('check the hash chain; name every altered, inserted or deleted row (exit 9 if any)')
    .option('--expect-head <seq:hash>', 'a head printed by an earlier verify: proves nothing after it was cut off')
    .option('--json', 'print JSON')
    .action(async (o: { expectHead?: string; json?: boolean }) =>
      setExit(
        await runCommand(ctx, operations.auditVerify, { expectHead: o.expectHead }, {
          isJson: o.json === true,
          render: (v) => auditVerifyText(v, ctx.style),
          exitCode: (v) => (v.problems.length > 0 || v.isExpectedHeadFound === false ? EXIT.auditBroken : EXIT.ok),
        }),
      ),
    );
  audit
    .command('list')
    .description('recent audit entries, newest first')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .option('--json', 'print JSON')
    .action(async (o: { limit: number; json?: boolean }) => setExit(await runCommand(ctx, operations.auditList, { limit: o.limit }, { isJson: o.json === true, render: auditListText })));
}
