// The build step of `pnpm start`: the shared packages, then every chapter's synth, one turbo run at a time,
// with a line of progress for each. Turbo's cache makes a repeated start fast.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The build steps running now, stopped by stopBuilding() on Ctrl-C. */
const building = new Set();

/**
 * Builds the shared packages, then synthesizes each chapter.
 * @returns {Promise<Map<string, string>>} the chapters whose synth failed, with the reason
 * @throws Error with turbo's output when the shared packages do not build
 */
export async function buildAndSynthesize(root, chapters, write) {
  const steps = [
    { label: 'shared packages (gateway, helpers)', args: ['run', 'build', '--filter=./shared/*'] },
    ...chapters.map((chapter) => ({
      chapter,
      label: `${chapter.folder} (synth)`,
      args: ['run', 'synth', `--filter=./chapters/${chapter.folder}`],
    })),
  ];
  const failed = new Map();
  for (const [index, step] of steps.entries()) {
    write(`  [${index + 1}/${steps.length}] ${step.label} …`);
    const started = Date.now();
    const { code, output } = await runTurbo(root, step.args);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      write(` failed after ${seconds} s\n\n${output.trim()}\n\n`);
      const reason = `turbo ${step.args.join(' ')} exited with code ${code}`;
      if (step.chapter === undefined) throw new Error(reason);
      failed.set(step.chapter.folder, `its synth failed (${reason}); the output is in the terminal`);
      continue;
    }
    const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
    write(` done in ${seconds} s${cached && cached[1] === cached[2] ? ', cached' : ''}\n`);
  }
  return failed;
}

/** Stops the build step that is running, if any. */
export function stopBuilding() {
  for (const child of building) child.kill('SIGINT');
}

function runTurbo(root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'turbo'), [...args, '--output-logs=errors-only'], {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    building.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      building.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}
