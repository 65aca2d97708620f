// Entry the extension host calls (`extensionTestsPath`): VS Code awaits run(); a throw means failure.
import { closeDemoApi } from './demo-api';
import { runAll } from './harness';

export async function run(): Promise<void> {
  let results;
  try {
    results = await runAll();
  } finally {
    await closeDemoApi(); // a listening server or keep-alive socket would keep the extension host from exiting
  }
  const failed = results.filter((r) => !r.ok).length;
  if (results.length === 0) throw new Error('no tests ran');
  if (failed) throw new Error(`${failed} of ${results.length} test(s) failed`);
}
