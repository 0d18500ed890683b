// Builds the CLI bundle once so that CLI tests run `opcon` exactly as a user would.
import { buildCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
