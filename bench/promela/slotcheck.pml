/*
 * slotcheck in Promela: the reference model (model/) for DSN-01 `patent-lpar-a` and DSN-02
 * `patent-lpar-b` at the default bounds (2 LPARs, 1 slot, fault budget 2, write budget 2),
 * written by hand from model/handlers/*.ts and model/mutators/*.ts, with the design's choices as
 * #defines. Compile with -DDSN02 for case (b); the two designs differ only in the fail-over
 * script. Run by bench/spin.ts: `spin -o2 [-DDSN02] -a slotcheck.pml; cc -O2 -DSAFETY -o pan pan.c;
 * ./pan -c0 -n -m1000000`. Without -o2 SPIN drops never-read variables (prevOwner) from the state
 * vector and merges states the model keeps apart; with it, SPIN's states are the model's plus one.
 *
 * One process takes one command per step, as the reducer does: every alternative of the `do`
 * loop is one command instance of `allCommands` (2 LPARs × 1 slot), a d_step whose first
 * expression is the command's guard and whose body is its handler. After every step the state
 * invariants are asserted; the step invariants are asserted where the model emits the effect
 * they look at. Checked: INV-01, INV-03, INV-04 (state and step parts), INV-06 (state and step
 * parts), INV-07 (state and step parts). Each assertion starts with the invariant's name (a
 * hidden constant 1), so that pan's message names it.
 *
 * Not modelled, because DSN-01 and DSN-02 never enable them: gk_flush (no translation cache),
 * rom_sci (the control program raises SCIs), stale_eject_ack (no eject-acknowledge register),
 * and the state those would need (gateKeeperStale, romSci, io.stale, ejectAwaitingAck).
 * cluster_step is a d_step guarded only by "OS up and clustering program alive"; when the
 * model's plan refuses the step it changes nothing (a self-loop the model does not have: it
 * adds transitions, never states).
 */

#ifndef FAULT_BUDGET
#define FAULT_BUDGET 2
#endif
#ifndef WRITE_BUDGET
#define WRITE_BUDGET 2
#endif

/* ---- the design's choices (model/designs/patent-lpar-a.ts; DSN-02 changes only the script) ---- */
#define ADD_WHILE_ENABLED_REJECT 0   /* (1) addWhileEnabled: reassign */
#define INFLIGHT_QUIESCE 0           /* (2) inflightDmaOnReassign: none */
#define DISABLE_BLOCKS_DMA 0         /* (3) disableBlocksDma: false; gateKeeperCache: none */
#define SCI_LATCH 0                  /* (5) sciWhenGpeDisabled: drop */
#define CLIENT_ACK_BEFORE_DURABLE 0  /* (7) clientAck: after-durable */
#define DEVICE_ERROR_HOT_REMOVE 0    /* Fig. 17 path: off */
#define SCRIPT_SURVIVES_RESTART 0    /* (8) */
#define TAKEOVER_EXCLUSIVE 0         /* (8) takeoverArbitration: none */
#define TIMEOUT_PERIODS 2            /* (9) heartbeat timeout 2 ticks / period 1 tick */
#define CPU_ACTIVE 90                /* (10) */
#define CPU_STANDBY 10
/* (4) authorization: any; single port; first embodiment (gate keeper); SCIs from the control program. */

/* ---- encodings ---- */
#define NONE 255
#define OS_OFF 0
#define OS_RUNNING 1
#define OS_CRASHED 2
#define OS_SHUTDOWN 3
#define ACTIVE 0
#define STANDBY 1
#define TAKEOVER 2
#define SVC_STOPPED 0
#define SVC_RUNNING 1
#define SVC_FAILED 2
#define D_NONE 0
#define D_INSERTING 1
#define D_CONFIGURED 2
#define D_MOUNTED 3
#define D_EJECTING 4
#define PRESENT 0
#define ABSENT 1
#define FAILED_CARD 2
#define S_DEACT 0
#define S_REM 1
#define S_REQSHUT 2
#define S_AWAIT 3
#define S_ADD 4
#define S_START 5
#define S_ACT 6

#ifdef DSN02
#define SCRIPT_LEN 6   /* 1107 rem_pci, 1108 request-shutdown, 1109 deact, 1103 add_pci, 1104 start, 1105 act */
#else
#define SCRIPT_LEN 5   /* 1101 deact, 1102 rem_pci, 1103 add_pci, 1104 start, 1105 act */
#endif

/* ---- the state: model/state.ts for 2 LPARs and slot 0 (slot masks are single bits) ---- */
byte os[2]; bit paused[2]; byte role[2]; byte service[2]; byte dev[2];
bit gpeStatus[2]; bit gpeEnabled[2]; bit insertPending[2]; bit ejectPending[2];
bit alive[2]; byte silence[2]; bit peerFailed[2];
byte victim[2] = NONE; byte scriptStep[2]; bit scriptMask[2]; bit falsePositive[2];
bit hbUp[2]; bit shutdownReq[2]; bit deactIneff[2]; byte cpu[2]; bit detected[2];
byte card; byte owner; bit slotEnabled; byte gk; byte pendingAdd = NONE; byte ioIssuer = NONE; byte ioWrite;
byte diskWrite; bit diskIntact; byte serviceOwner; byte prevOwner = NONE; byte writesIssued; byte acked; byte faultsUsed;

/* ---- not part of the state vector: the script, temporaries, the invariants' names ---- */
hidden byte script[SCRIPT_LEN];
hidden byte cl_victim, cl_at, cl_code, b_role, b_vic, b_st, t_owner, t_issuer, t_wid, t_window, t_waiting, t_reach;
hidden byte cl_mask, cl_fp, cl_sat, b_mask, b_fp, t_def, t_ej, t_ins, t_heard;
hidden byte INV_01 = 1, INV_03 = 1, INV_04 = 1, INV_06 = 1, INV_07 = 1;

#define isUp(l) (os[l] == OS_RUNNING && !paused[l])
#define selectorAllows(l) (slotEnabled && owner == l)
#define FAULT_OK (faultsUsed < FAULT_BUDGET)

/* ---- state invariants (properties/invariants/*.ts), after every step ---- */
#define REACH_BIT(c, l) ((c) && (l) != NONE -> 1 << (l) : 0)
#define RUNS_WITH_DISK(l) (os[l] == OS_RUNNING && service[l] == SVC_RUNNING && (selectorAllows(l) || ioIssuer == l) -> 1 : 0)
inline checkState() {
  t_reach = REACH_BIT(slotEnabled, owner) | REACH_BIT(card != ABSENT, gk) | REACH_BIT(card != ABSENT, ioIssuer);
  assert(INV_01 && (t_reach & (t_reach - 1)) == 0);                 /* at most one LPAR reaches the slot */
  assert(INV_04 && (!slotEnabled || gk == owner));                      /* gate keeper maps the slotEnabled owner */
  assert(INV_06 && RUNS_WITH_DISK(0) + RUNS_WITH_DISK(1) <= 1);     /* one LPAR runs the service with its disk */
  assert(INV_07 && (acked == 0 || (diskWrite >= acked && diskIntact) || (ioIssuer != NONE && ioWrite == acked)))
}

/* ---- model/mutators ---- */
inline clearScript(l) { victim[l] = NONE; scriptStep[l] = 0; scriptMask[l] = 0; falsePositive[l] = 0 }
inline resetGuest(l) {
  paused[l] = 0; role[l] = STANDBY; service[l] = SVC_STOPPED; dev[l] = D_NONE;
  gpeStatus[l] = 0; gpeEnabled[l] = 1; insertPending[l] = 0; ejectPending[l] = 0;
  alive[l] = 0; silence[l] = 0; peerFailed[l] = 0; clearScript(l); shutdownReq[l] = 0; deactIneff[l] = 0
}
inline powerOff(l) {
  resetGuest(l); os[l] = OS_OFF; cpu[l] = 0;
  if :: pendingAdd == l -> pendingAdd = NONE :: else -> skip fi
}
inline boot(l, reset) {
  b_role = role[l]; b_vic = victim[l]; b_st = scriptStep[l]; b_mask = scriptMask[l]; b_fp = falsePositive[l];
  resetGuest(l);
  if :: reset && b_role == ACTIVE -> role[l] = ACTIVE :: else -> skip fi;
  if
  :: reset && b_role == TAKEOVER && SCRIPT_SURVIVES_RESTART && b_vic != NONE ->
     role[l] = TAKEOVER; victim[l] = b_vic; scriptStep[l] = b_st; scriptMask[l] = b_mask; falsePositive[l] = b_fp
  :: else -> skip
  fi;
  os[l] = OS_RUNNING; alive[l] = 1; cpu[l] = CPU_STANDBY;
  if :: owner == l && slotEnabled && card == PRESENT -> dev[l] = D_CONFIGURED :: else -> skip fi
}
inline deliverSci(l, isEject) {
  if
  :: os[l] == OS_OFF || (!gpeEnabled[l] && !SCI_LATCH) -> skip
  :: else -> gpeStatus[l] = 1; if :: isEject -> ejectPending[l] = 1 :: else -> insertPending[l] = 1 fi
  fi
}
inline completeHotAdd(l) {   /* 503-504 */
  if :: INFLIGHT_QUIESCE && ioIssuer != NONE -> ioIssuer = NONE; ioWrite = 0 :: else -> skip fi;
  owner = l; slotEnabled = 1; gk = l;
  deliverSci(l, 0)
}

/* ---- the command control routine (model/handlers/deact, act, rem-pci, add-pci) ---- */
inline deactApply(t) { if :: deactIneff[t] -> deactIneff[t] = 0 :: else -> powerOff(t) fi }
inline actApply(t) { boot(t, 0); detected[t] = 0 }
inline remApply(t) {   /* 601, 602, 603 */
  slotEnabled = 0;
  if :: DISABLE_BLOCKS_DMA -> gk = NONE :: else -> skip fi;
  if :: os[t] == OS_OFF -> skip :: else -> deliverSci(t, 1) fi
}
inline addApply(i) { if :: card == ABSENT -> pendingAdd = i :: else -> completeHotAdd(i) fi }   /* 501, 502 */
#define ADD_ALLOWED(i, f) ((i) != (f) && owner == (f) && pendingAdd == NONE && !(slotEnabled && ADD_WHILE_ENABLED_REJECT))

/* ---- the clustering program (model/handlers/cluster-plan.ts, cluster-step.ts) ---- */
inline satisfied(code, self) {
  if
  :: code == S_DEACT -> cl_sat = (os[cl_victim] == OS_OFF)
  :: code == S_AWAIT -> cl_sat = (os[cl_victim] == OS_OFF || os[cl_victim] == OS_SHUTDOWN)
  :: code == S_REM -> cl_sat = !(cl_mask && owner == cl_victim && slotEnabled)
  :: code == S_ADD -> cl_sat = !(cl_mask && !(owner == self && slotEnabled) && pendingAdd != self)
  :: code == S_REQSHUT -> cl_sat = (shutdownReq[cl_victim] || os[cl_victim] == OS_OFF || os[cl_victim] == OS_SHUTDOWN)
  :: code == S_START -> cl_sat = (service[self] == SVC_RUNNING)
  :: code == S_ACT -> cl_sat = (os[cl_victim] != OS_OFF)
  fi
}
inline nextOpenStep(self) {   /* from cl_at */
  do
  :: cl_at < SCRIPT_LEN -> satisfied(script[cl_at], self); if :: cl_sat -> cl_at++ :: else -> break fi
  :: else -> break
  od
}
inline advance(self) {   /* from cl_at */
  nextOpenStep(self);
  if
  :: cl_at < SCRIPT_LEN -> if :: victim[self] != NONE -> scriptStep[self] = cl_at :: else -> skip fi
  :: else ->
     clearScript(self);
     if :: role[self] == TAKEOVER -> role[self] = (service[self] == SVC_RUNNING -> ACTIVE : STANDBY) :: else -> skip fi
  fi
}
#define MAY_DETECT(l, other) (role[l] == STANDBY && l != serviceOwner && (silence[l] >= TIMEOUT_PERIODS || peerFailed[l]) \
  && !(TAKEOVER_EXCLUSIVE && os[other] == OS_RUNNING && role[other] == TAKEOVER))
inline detect(self) {   /* 1100 / 1106 */
  cl_victim = serviceOwner;
  role[self] = TAKEOVER; silence[self] = 0; peerFailed[self] = 0;
  victim[self] = cl_victim; scriptStep[self] = 0; scriptMask[self] = (owner == cl_victim);
  falsePositive[self] = (os[cl_victim] == OS_RUNNING && service[cl_victim] == SVC_RUNNING);
  detected[cl_victim] = 1
}
inline startService(self) {   /* 1104; INV-06 step part: the victim is fenced and removed */
  assert(INV_06 && (os[cl_victim] == OS_OFF || os[cl_victim] == OS_SHUTDOWN
         || (!detected[cl_victim] && role[cl_victim] == STANDBY && service[cl_victim] != SVC_RUNNING)));
  assert(INV_06 && !(slotEnabled && owner == cl_victim));
  prevOwner = serviceOwner; serviceOwner = self;
  cpu[0] = (self == 0 -> CPU_ACTIVE : (os[0] == OS_OFF -> 0 : CPU_STANDBY));
  cpu[1] = (self == 1 -> CPU_ACTIVE : (os[1] == OS_OFF -> 0 : CPU_STANDBY));
  service[self] = SVC_RUNNING; role[self] = ACTIVE
}
inline clusterStep(self, other) {
  if
  :: victim[self] == NONE ->
     if :: MAY_DETECT(self, other) -> detect(self) :: else -> skip fi
  :: else ->
     cl_victim = victim[self]; cl_mask = scriptMask[self]; cl_fp = falsePositive[self];
     cl_at = scriptStep[self]; nextOpenStep(self);
     if
     :: cl_at >= SCRIPT_LEN -> advance(self)
     :: else ->
        cl_code = script[cl_at];
        if
        :: cl_code == S_START -> if :: dev[self] == D_MOUNTED -> startService(self); advance(self) :: else -> skip fi
        :: cl_code == S_REQSHUT -> shutdownReq[cl_victim] = 1; advance(self)
        :: cl_code == S_DEACT || cl_code == S_AWAIT ->
           if :: os[cl_victim] != OS_OFF -> deactApply(cl_victim); cl_at = (cl_code == S_DEACT -> cl_at + 1 : cl_at); advance(self) :: else -> skip fi
        :: cl_code == S_ACT -> if :: os[cl_victim] == OS_OFF -> actApply(cl_victim); advance(self) :: else -> skip fi
        :: cl_code == S_REM -> remApply(cl_victim); advance(self)   /* open ⇒ rem_pci's guard holds */
        :: cl_code == S_ADD -> if :: ADD_ALLOWED(self, cl_victim) -> addApply(self); advance(self) :: else -> skip fi
        fi
     fi
  fi
}

/* ---- the guest OS (model/handlers/guest-*.ts) ---- */
#define DEFERRED(l) (insertPending[l] && (dev[l] == D_EJECTING || (dev[l] != D_NONE && ejectPending[l])))
inline guestSci(l) {   /* 505-506 / 604-605 */
  t_def = DEFERRED(l); t_ej = ejectPending[l]; t_ins = insertPending[l] && !t_def;
  insertPending[l] = t_def; ejectPending[l] = 0; gpeStatus[l] = t_def;
  if
  :: t_ej && dev[l] != D_NONE && dev[l] != D_EJECTING -> dev[l] = D_EJECTING
  :: !(t_ej && dev[l] != D_NONE && dev[l] != D_EJECTING) && t_ins && dev[l] == D_NONE -> dev[l] = D_INSERTING
  :: else -> skip
  fi
}

/* ---- the card (model/handlers/device.ts); INV-03, INV-04, INV-07 step parts ---- */
inline deviceDma() {
  t_issuer = ioIssuer; t_wid = ioWrite; t_window = gk;
  ioIssuer = NONE; ioWrite = 0;
  if
  :: t_window == NONE -> skip   /* blocked by the gate keeper (WIT-07) */
  :: else ->
     assert(INV_03 && slotEnabled && t_window == owner && t_issuer == owner);
     assert(INV_04 && slotEnabled);
     assert(INV_07 && t_issuer == serviceOwner);
     diskWrite = t_wid; diskIntact = (t_window == t_issuer);
     if
     :: !CLIENT_ACK_BEFORE_DURABLE && isUp(t_issuer) && service[t_issuer] == SVC_RUNNING && t_wid > acked -> acked = t_wid
     :: else -> skip
     fi
  fi
}
inline tickOne(l) {
  if
  :: l != serviceOwner && role[l] == STANDBY && isUp(l) && alive[l] ->
     if
     :: t_heard -> silence[l] = 0; peerFailed[l] = (service[serviceOwner] != SVC_RUNNING)
     :: else -> silence[l] = (silence[l] + 1 < TIMEOUT_PERIODS -> silence[l] + 1 : TIMEOUT_PERIODS)
     fi
  :: else -> skip
  fi
}

/* ---- one step per command instance, in the order of allCommands ---- */
#define CONTROL_OK(i) (FAULT_OK && isUp(i))
#define DEACT(i, t)  :: d_step { CONTROL_OK(i) && os[t] != OS_OFF -> deactApply(t); faultsUsed++; checkState() }
#define ACT(i, t)    :: d_step { CONTROL_OK(i) && os[t] == OS_OFF -> actApply(t); faultsUsed++; checkState() }
#define REM(i, t)    :: d_step { CONTROL_OK(i) && owner == t && slotEnabled -> remApply(t); faultsUsed++; checkState() }
#define ADD(i, f)    :: d_step { CONTROL_OK(i) && ADD_ALLOWED(i, f) -> addApply(i); faultsUsed++; checkState() }
#define PER_LPAR(l, other) \
  :: d_step { isUp(l) && gpeStatus[l] && gpeEnabled[l] && !(!ejectPending[l] && insertPending[l] && DEFERRED(l)) -> guestSci(l); checkState() } \
  :: d_step { isUp(l) && dev[l] == D_INSERTING -> dev[l] = (selectorAllows(l) && card == PRESENT -> D_CONFIGURED : D_NONE); checkState() } \
  :: d_step { isUp(l) && dev[l] == D_CONFIGURED -> dev[l] = (selectorAllows(l) && card == PRESENT -> D_MOUNTED : D_NONE); checkState() } \
  :: d_step { isUp(l) && dev[l] == D_EJECTING -> dev[l] = D_NONE; if :: service[l] == SVC_RUNNING -> service[l] = SVC_STOPPED :: else -> skip fi; checkState() } \
  :: d_step { isUp(l) && shutdownReq[l] && alive[l] -> \
       service[l] = SVC_STOPPED; dev[l] = D_NONE; os[l] = OS_SHUTDOWN; alive[l] = 0; clearScript(l); shutdownReq[l] = 0; checkState() } \
  :: d_step { isUp(l) && alive[l] -> clusterStep(l, other); checkState() } \
  :: d_step { writesIssued < WRITE_BUDGET && isUp(l) && service[l] == SVC_RUNNING && !(selectorAllows(l) && card == PRESENT && ioIssuer != NONE) -> \
       writesIssued++; \
       if \
       :: selectorAllows(l) && card == PRESENT -> ioIssuer = l; ioWrite = writesIssued; \
          if :: CLIENT_ACK_BEFORE_DURABLE && writesIssued > acked -> acked = writesIssued :: else -> skip fi \
       :: else -> skip \
       fi; checkState() } \
  :: d_step { paused[l] -> paused[l] = 0; checkState() } \
  :: d_step { !hbUp[l] -> hbUp[l] = 1; checkState() } \
  :: d_step { os[l] == OS_RUNNING && !gpeEnabled[l] -> gpeEnabled[l] = 1; checkState() } \
  :: d_step { os[l] == OS_RUNNING && !alive[l] -> \
       alive[l] = 1; silence[l] = 0; peerFailed[l] = 0; \
       if :: !SCRIPT_SURVIVES_RESTART -> clearScript(l) :: else -> skip fi; \
       if :: victim[l] == NONE && role[l] == TAKEOVER -> role[l] = STANDBY :: else -> skip fi; checkState() } \
  :: d_step { FAULT_OK && os[l] == OS_RUNNING -> os[l] = OS_CRASHED; paused[l] = 0; service[l] = SVC_STOPPED; alive[l] = 0; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && os[l] == OS_RUNNING && service[l] == SVC_RUNNING -> service[l] = SVC_FAILED; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && isUp(l) -> paused[l] = 1; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && hbUp[l] -> hbUp[l] = 0; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && os[l] == OS_RUNNING && gpeEnabled[l] -> gpeEnabled[l] = 0; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && os[l] != OS_OFF -> gpeStatus[l] = 1; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && os[l] == OS_RUNNING && alive[l] -> alive[l] = 0; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && isUp(l) && !(slotEnabled && owner == l) -> faultsUsed++; checkState() }   /* stray MMIO: GP exception */ \
  :: d_step { FAULT_OK && card == PRESENT && gk != l -> faultsUsed++; checkState() }            /* stray DMA into l's window: blocked */ \
  :: d_step { FAULT_OK && os[l] != OS_OFF && !deactIneff[l] -> deactIneff[l] = 1; faultsUsed++; checkState() } \
  :: d_step { FAULT_OK && os[l] != OS_OFF -> boot(l, 1); faultsUsed++; checkState() }

active proctype machine() {
  d_step {   /* model/initial-state.ts: LPAR0 active with the slot (Fig. 4 state 400, Fig. 8 (a)), LPAR1 standby */
#ifdef DSN02
    script[0] = S_REM; script[1] = S_REQSHUT; script[2] = S_DEACT; script[3] = S_ADD; script[4] = S_START; script[5] = S_ACT;
#else
    script[0] = S_DEACT; script[1] = S_REM; script[2] = S_ADD; script[3] = S_START; script[4] = S_ACT;
#endif
    os[0] = OS_RUNNING; role[0] = ACTIVE; service[0] = SVC_RUNNING; dev[0] = D_MOUNTED; cpu[0] = CPU_ACTIVE;
    os[1] = OS_RUNNING; role[1] = STANDBY; service[1] = SVC_STOPPED; dev[1] = D_NONE; cpu[1] = CPU_STANDBY;
    gpeEnabled[0] = 1; gpeEnabled[1] = 1; alive[0] = 1; alive[1] = 1; hbUp[0] = 1; hbUp[1] = 1;
    card = PRESENT; owner = 0; slotEnabled = 1; gk = 0; diskIntact = 1; serviceOwner = 0
  };
  do
  DEACT(0, 0) DEACT(0, 1) DEACT(1, 0) DEACT(1, 1)
  ACT(0, 0) ACT(0, 1) ACT(1, 0) ACT(1, 1)
  REM(0, 0) REM(0, 1) REM(1, 0) REM(1, 1)
  ADD(0, 1) ADD(1, 0)
  PER_LPAR(0, 1)
  PER_LPAR(1, 0)
  :: d_step { ioIssuer != NONE && card == PRESENT -> deviceDma(); checkState() }
  :: d_step { true -> t_heard = isUp(serviceOwner) && alive[serviceOwner] && hbUp[serviceOwner]; tickOne(0); tickOne(1); checkState() }
  :: d_step { card == ABSENT ->   /* 502 answered, or a physical insertion */
       t_waiting = pendingAdd; card = PRESENT;
       if
       :: t_waiting == NONE -> if :: slotEnabled -> deliverSci(owner, 0) :: else -> skip fi
       :: else -> pendingAdd = NONE; completeHotAdd(t_waiting)
       fi; checkState() }
  :: d_step { FAULT_OK && card == PRESENT ->   /* FLT-05 */
       t_owner = (slotEnabled -> owner : NONE); ioIssuer = NONE; ioWrite = 0; card = FAILED_CARD;
       if :: DEVICE_ERROR_HOT_REMOVE && t_owner != NONE -> deliverSci(t_owner, 1) :: else -> skip fi;
       faultsUsed++; checkState() }
  :: d_step { FAULT_OK && card != ABSENT ->   /* FLT-06 */
       ioIssuer = NONE; ioWrite = 0; card = ABSENT;
       if :: slotEnabled -> deliverSci(owner, 1) :: else -> skip fi;
       faultsUsed++; checkState() }
  od
}
