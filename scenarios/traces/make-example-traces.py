#!/usr/bin/env python3
"""Writes small example traces in FedScale's formats (Python pickles of plain dicts), for scenarios/systems-traces.yaml.

FedScale's own traces (client_device_capacity, client_behave_trace; from its download script) cannot be fetched on a
machine without internet; these have the same layout, generated from a fixed seed:

  example_device_capacity.pkl  {client_id: {"computation": ms per sample (inference), "communication": kbit/s}}
  example_behave_trace.pkl     {client_id: {"active": [s, ...], "inactive": [s, ...], "finish_time": s, "duration": s}}

Device speeds and bandwidths are log-normal; each client is online for a few intervals of a 2-hour cycle.
Run: python3 scenarios/traces/make-example-traces.py (writes next to this script). Deterministic: same bytes each run.
"""
import math
import os
import pickle
import random

CLIENTS = 100
CYCLE_S = 7200.0


def main() -> None:
    rng = random.Random(20261202)
    here = os.path.dirname(os.path.abspath(__file__))
    devices = {}
    behaviour = {}
    for client in range(1, CLIENTS + 1):
        devices[client] = {
            "computation": round(0.2 * math.exp(rng.gauss(0, 0.7)), 4),
            "communication": round(5000 * math.exp(rng.gauss(0, 1.0)), 1),
        }
        active, inactive, t = [], [], rng.uniform(-1200, 300)
        while t < CYCLE_S:
            on = rng.uniform(300, 2400)
            if t + on > 0:  # an interval that ended before time 0 is left out
                active.append(round(max(0.0, t), 1))
                inactive.append(round(min(CYCLE_S, t + on), 1))
            t += on + rng.uniform(300, 3000)
        behaviour[client] = {"active": active, "inactive": inactive, "finish_time": CYCLE_S, "duration": CYCLE_S}
    for name, data in (("example_device_capacity.pkl", devices), ("example_behave_trace.pkl", behaviour)):
        with open(os.path.join(here, name), "wb") as f:
            pickle.dump(data, f, protocol=4)


if __name__ == "__main__":
    main()
