import { ChunkedArray } from './chunked.ts';

/**
 * The explored transition graph in compressed sparse rows, kept for liveness. States are expanded
 * in index order, so the edges of state i are `start(i) .. start(i+1)-1`, in `successors` order:
 * an edge's position in its row is the successor's ordinal. Per edge: the target's index, the
 * command's id, whether the action is fair in the source state, and whether the
 * step returned the very same state.
 */
export class ExploredGraph {
  private readonly rowStart = new ChunkedArray('int32');
  private readonly target = new ChunkedArray('int32');
  /** command id × 4 + (same state object ? 2 : 0) + (fair ? 1 : 0): 16 bits while command ids stay below 16,384 */
  private readonly action = new ChunkedArray('uint16');

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
    this.target.truncate(this.rowStart.at(this.rowStart.length - 1));
    this.action.truncate(this.target.length);
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

  /**
   * The fair edges alone, in rows: row starts (one more than rows) and the target of each fair
   * edge, what a fair-cycle search follows (an unfair edge is never on a violating cycle).
   */
  fairRows(): { readonly rowStart: Int32Array; readonly fairTarget: Int32Array } {
    const rows = this.rows;
    let fair = 0;
    for (let e = 0; e < this.action.length; e += 1) fair += this.action.at(e) & 1;
    const rowStart = new Int32Array(rows + 1);
    const fairTarget = new Int32Array(fair);
    let k = 0;
    for (let v = 0; v < rows; v += 1) {
      rowStart[v] = k;
      for (let e = this.rowStart.at(v); e < this.rowStart.at(v + 1); e += 1) if ((this.action.at(e) & 1) === 1) fairTarget[k++] = this.target.at(e);
    }
    rowStart[rows] = k;
    return { rowStart, fairTarget };
  }

  /** Bytes held per stored row (measurement). */
  get bytesPerRow(): number {
    return this.rows === 0 ? 0 : (this.rowStart.bytes + this.target.bytes + this.action.bytes) / this.rows;
  }
}
