import { GrowableInt32 } from './visited-states.ts';

/**
 * The explored transition graph in compressed sparse rows, kept for liveness. States are expanded
 * in index order, so the edges of state i are `start(i) .. start(i+1)-1`, in `successors` order:
 * an edge's position in its row is the successor's ordinal. Per edge: the target's index, the
 * command's id, whether the action is fair in the source state, and whether the
 * step returned the very same state.
 */
export class ExploredGraph {
  private readonly rowStart = new GrowableInt32();
  private readonly target = new GrowableInt32();
  /** command id × 4 + (same state object ? 2 : 0) + (fair ? 1 : 0) */
  private readonly action = new GrowableInt32();

  constructor() {
    this.rowStart.push(0);
  }

  /** States whose rows are complete. */
  get rows(): number {
    return this.rowStart.length - 1;
  }

  get edges(): number {
    return this.target.length;
  }

  /** `selfLoop`: the step returned the very same state (a key match may also be a renamed copy). */
  addEdge(target: number, commandId: number, fair: boolean, selfLoop: boolean): void {
    this.target.push(target);
    this.action.push(commandId * 4 + (selfLoop ? 2 : 0) + (fair ? 1 : 0));
  }

  /** Close the current state's row. */
  endRow(): void {
    this.rowStart.push(this.target.length);
  }

  /** Drop edges added after the last `endRow` (a state whose expansion a bound cut short). */
  dropOpenRow(): void {
    this.target.length = this.rowStart.at(this.rowStart.length - 1);
    this.action.length = this.target.length;
  }

  start(state: number): number {
    return this.rowStart.at(state);
  }

  end(state: number): number {
    return this.rowStart.at(state + 1);
  }

  targetOf(edge: number): number {
    return this.target.at(edge);
  }

  commandOf(edge: number): number {
    return this.action.at(edge) >> 2;
  }

  isSelfLoop(edge: number): boolean {
    return (this.action.at(edge) & 2) === 2;
  }

  isFair(edge: number): boolean {
    return (this.action.at(edge) & 1) === 1;
  }

  /** Row starts (one more than rows) and per edge its target if the action is fair, else -1: what a fair-cycle search follows. */
  fairRows(): { readonly rowStart: Int32Array; readonly fairTarget: Int32Array } {
    const action = this.action.view();
    const fairTarget = this.target.view().slice();
    for (let e = 0; e < fairTarget.length; e += 1) if ((action[e]! & 1) === 0) fairTarget[e] = -1;
    return { rowStart: this.rowStart.view(), fairTarget };
  }
}
