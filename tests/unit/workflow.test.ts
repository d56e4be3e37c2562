/**
 * The GitHub Actions workflow, checked here because it cannot run here: against the workflow schema
 * (@action-validator/core), and for what it must do (all three OSes, npm test with the Electron
 * end-to-end tests, a packaged build that is started and played).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/built';

const WORKFLOW_PATH = join(ROOT, '.github', 'workflows', 'ci.yml');
const source = readFileSync(WORKFLOW_PATH, 'utf8');

interface Step {
  run?: string;
  uses?: string;
  if?: string;
}
interface Job {
  'runs-on': string;
  strategy: { matrix: { include: Array<{ os: string }> } };
  steps: Step[];
}
const workflow = parse(source) as { jobs: Record<string, Job> };

describe('.github/workflows/ci.yml', () => {
  it('is a valid workflow', () => {
    const { errors } = validateWorkflow(source);
    expect(errors).toEqual([]);
  });

  it('the validator does catch a broken workflow', () => {
    expect(validateWorkflow(source.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}')).errors.length).toBeGreaterThan(0);
    expect(validateWorkflow('on: push\njobs:\n  a:\n    steps: []\n').errors.length).toBeGreaterThan(0);
  });

  it('runs npm test on Linux (under xvfb), macOS and Windows, with the Electron runtime installed', () => {
    const { test } = workflow.jobs;
    expect(test!.strategy.matrix.include.map((entry) => entry.os.split('-')[0])).toEqual(['ubuntu', 'macos', 'windows']);
    const runs = test!.steps.map((step) => step.run ?? '');
    expect(runs).toContain('xvfb-run --auto-servernum npm test');
    expect(runs).toContain('npm test');
    expect(runs.some((run) => run.includes('electron/install.js'))).toBe(true);
    // Never a browser downloaded by Playwright: the runner's own Chrome.
    expect(source).not.toMatch(/playwright install/);
  });

  it('builds each platform package and starts it on the welcome article', () => {
    const { package: packaging } = workflow.jobs;
    expect(packaging!.strategy.matrix.include).toHaveLength(3);
    const runs = packaging!.steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('electron-builder --dir');
    expect(runs).toMatch(/playwright test tests\/e2e\/electron\.spec\.ts --grep "packaged"/);
  });
});
