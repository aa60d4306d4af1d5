import { expect } from 'vitest';
import type { WizardPrompter, WizardSelectOption } from '../../src/index.js';

/**
 * One expected prompt and its answer. `text` answers go through the prompt's `validate` (which
 * must accept them); `rejected` answers are tried first and must be refused. `answer: undefined`
 * on a text prompt takes the pre-filled value.
 */
export type ScriptStep =
  | { readonly select: RegExp; readonly answer: unknown }
  | { readonly text: RegExp; readonly answer: string | undefined; readonly rejected?: readonly string[]; readonly masked?: boolean }
  | { readonly confirm: RegExp; readonly answer: boolean };

/** A prompter that plays a script and records everything the wizard shows. */
export interface ScriptedPrompter extends WizardPrompter {
  /** Every message, option label, hint, note and spinner text shown, in order. */
  readonly transcript: string[];
  /** Notes as `[title, message]`. */
  readonly notes: Array<[string, string]>;
  /** Validation messages the `rejected` answers produced. */
  readonly rejections: string[];
  /** Steps not played yet. */
  remaining(): number;
}

/** Plays `steps` in order; a prompt that does not match the next step fails the test. */
export function scriptedPrompter(steps: readonly ScriptStep[]): ScriptedPrompter {
  const queue = [...steps];
  const transcript: string[] = [];
  const notes: Array<[string, string]> = [];
  const rejections: string[] = [];
  const next = (kind: 'select' | 'text' | 'confirm', message: string): ScriptStep => {
    transcript.push(message);
    const step = queue.shift();
    if (step === undefined) throw new Error(`unexpected ${kind} prompt "${message}": the script is over`);
    const pattern = 'select' in step ? step.select : 'text' in step ? step.text : step.confirm;
    const stepKind = 'select' in step ? 'select' : 'text' in step ? 'text' : 'confirm';
    if (stepKind !== kind || !pattern.test(message)) throw new Error(`expected a ${stepKind} prompt matching ${pattern}, got ${kind} "${message}"`);
    return step;
  };
  return {
    transcript,
    notes,
    rejections,
    remaining: () => queue.length,
    note: async (message, title) => {
      notes.push([title ?? '', message]);
      transcript.push(title ?? '', message);
    },
    select: async <T>(params: { message: string; options: ReadonlyArray<WizardSelectOption<T>>; initialValue?: T }): Promise<T> => {
      const step = next('select', params.message);
      for (const option of params.options) transcript.push(option.label, option.hint ?? '');
      const chosen = params.options.find((option) => option.value === step.answer);
      if (chosen === undefined)
        throw new Error(`"${params.message}" has no option ${String(step.answer)}: ${params.options.map((o) => String(o.value)).join(', ')}`);
      return chosen.value;
    },
    text: async (params) => {
      const step = next('text', params.message);
      if (!('text' in step)) throw new Error('unreachable');
      if (step.masked !== undefined) expect(params.sensitive === true, `masking of "${params.message}"`).toBe(step.masked);
      for (const bad of step.rejected ?? []) {
        const problem = params.validate?.(bad);
        expect(problem, `"${bad}" should be refused by "${params.message}"`).toBeTypeOf('string');
        rejections.push(problem ?? '');
      }
      const value = step.answer ?? params.initialValue ?? '';
      expect(params.validate?.(value), `"${params.message}" refused the scripted answer`).toBeUndefined();
      return value;
    },
    confirm: async (params) => {
      const step = next('confirm', params.message);
      return step.answer as boolean;
    },
    progress: (label) => {
      transcript.push(label);
      return { update: (message) => void transcript.push(message), stop: (message) => void transcript.push(message ?? '') };
    },
  };
}
