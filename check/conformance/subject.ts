import type { Config, Design } from '../../model/index.ts';
import type { EmulatorOptions } from '../../impl/index.ts';
import type { Subject } from '../random/run-context.ts';
import { ConformanceChecker } from './checker.ts';

/**
 * The emulator as a subject of the random suite. Each step reports the first problem:
 * `CONFORMANCE` when outcome or abstracted state differ from the model's, else an emulator-side
 * invariant violation the model's own check of that id does NOT also find on this transition.
 * Where both find it they agree, and the suite already reports the model's counterexample; the
 * suite drops an id once it failed, so repeating it here would make it fail again forever.
 */
export function emulatorSubject(config: Config, design: Design, options: EmulatorOptions = {}): Subject {
  const checker = new ConformanceChecker(config, design, options);
  return {
    apply(t) {
      const found = checker.step(t);
      if (found.disagreement !== null) return { id: 'CONFORMANCE', why: found.disagreement };
      for (const v of found.violations) if (!t.violates(v.id)) return v;
      return null;
    },
  };
}
