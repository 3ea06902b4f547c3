import type { Design } from '../design.ts';

/**
 * DSN-01: the first embodiment with fail-over case (a) (Fig. 9a, Fig. 10), as literally
 * described. Where the patent is silent, the value is the one its text implies or the simplest
 * reading of it; each is marked.
 */
export const patentLparA: Design = {
  name: 'patent-lpar-a',
  id: 'DSN-01',
  title: 'First embodiment, fail-over case (a), as literally described',
  embodiment: 'lpar',
  ports: 'single',
  sciSource: 'control-program', // step 504
  deviceErrorHotRemove: false, // Fig. 17 belongs to the third embodiment
  addWhileEnabled: 'reassign', // step 503 sets the table without looking at the enable flag
  inflightDmaOnReassign: 'none', // nothing in Fig. 5 quiesces the card
  gateKeeperCache: 'none', // Fig. 8 is a table the control program rewrites directly
  disableBlocksDma: false, // step 601 clears only the enable flag; the gate keeper is rewritten at 503
  authorization: 'any', // Fig. 3: a command is a name and an LPAR number, nothing more is checked
  sciWhenGpeDisabled: 'drop', // the patent's SCI is an emulated pulse; silent on a disabled GPE
  ejectAck: 'not-required', // step 601 cuts access before the guest has unmounted (606)
  clientAck: 'after-durable', // silent; a database acknowledges a commit once it is on disk
  failoverScript: ['deact', 'rem_pci', 'add_pci', 'start', 'act'], // 1101, 1102, 1103, 1104, 1105
  scriptSurvivesRestart: false, // the clustering program keeps its progress in memory
  takeoverArbitration: 'none', // the patent has one standby
  heartbeatPeriodTicks: 1, // silent; the smallest values that make detection a timeout
  heartbeatTimeoutTicks: 2,
  cpuActivePercent: 90, // the patent's example
  cpuStandbyPercent: 10,
};
