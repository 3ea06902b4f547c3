import { configProblems, type Config } from './config.ts';
import type { Design } from './design.ts';
import { lpar, lparIds, slotIds } from './ids.ts';
import type { LparState, ModelState, SlotState } from './state.ts';

/**
 * The situation the patent's fail-over starts from (Fig. 2, Fig. 4 state 400, Fig. 8 (a)):
 * LPAR0 is active, runs the service and has every slot allocated, enabled and mounted; the
 * other LPARs are running standbys (which, with a multi-port disk, see the disk configured).
 */
export function initialState(config: Config, design: Design): ModelState {
  const problems = configProblems(config);
  if (problems.length > 0) throw new RangeError(`invalid configuration: ${problems.map((p) => p.message).join('; ')}`);
  const owner = lpar(0);
  const lpars: LparState[] = lparIds(config.lparCount).map((id) => {
    const active = id === owner;
    return {
      os: 'running',
      paused: false,
      role: active ? 'active' : 'standby',
      service: active ? 'running' : 'stopped',
      devices: slotIds(config.slotCount).map(() => (active ? 'mounted' : design.ports === 'multi' ? 'configured' : 'none')),
      gpe: { status: false, enabled: true, insertMask: 0, ejectMask: 0 },
      cluster: { alive: true, silenceTicks: 0, peerServiceFailed: false, script: null },
      heartbeatLinkUp: true,
      shutdownRequested: false,
      deactIneffective: false,
      cpuPercent: active ? design.cpuActivePercent : design.cpuStandbyPercent,
      detectedFailed: false,
    };
  });
  const slots: SlotState[] = slotIds(config.slotCount).map(() => ({
    card: 'present',
    owner,
    enabled: true,
    gateKeeper: owner,
    gateKeeperStale: null,
    pendingAdd: null,
    romSci: null,
    io: null,
    ejectAwaitingAck: null,
  }));
  return {
    config,
    lpars,
    slots,
    disk: { writeId: 0, intact: true },
    serviceOwner: owner,
    previousServiceOwner: null,
    writesIssued: 0,
    ackedWriteId: 0,
    faultsUsed: 0,
  };
}
