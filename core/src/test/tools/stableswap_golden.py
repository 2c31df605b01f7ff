"""Golden values for StableSwapReferenceModelTest, computed by Curve's own reference model.

Usage: python3 stableswap_golden.py DIR_WITH_SIMULATION_PY > ../resources/dev/fracture/market/stableswap-golden.csv

DIR_WITH_SIMULATION_PY holds tests/simulation.py of github.com/curvefi/curve-contract (class Curve); it is
not vendored here. Each row is a seeded random pool (coin decimals give the contract rates 10**(36 - decimals),
which the model takes as its target prices p), a trade dx in coin units of coin i, and the model's D(),
y(i, j, xp[i] + dx_scaled) and dy(i, j, dx_scaled), with dx_scaled = dx * rate_i // 10**18.
"""
import random
import sys

sys.path.insert(0, sys.argv[1])
from simulation import Curve  # noqa: E402

rng = random.Random(20261121)
print("n;A;decimals;balances;i;j;dx;D;y;dy")
rows = 0
while rows < 300:
    n = rng.choice([2, 2, 2, 3, 3, 4, 5, 8])
    A = rng.choice([1, 2, 10, 50, 100, 200, 1000, 2000, 5000, 100000])
    decimals = [rng.choice([6, 8, 18, 18]) for _ in range(n)]
    rates = [10 ** (36 - d) for d in decimals]
    scale = 10 ** rng.randint(3, 9)
    imbalance = rng.choice([1.0, 1.0, 3.0, 30.0])
    balances = []
    for d in decimals:
        tokens = scale * rng.uniform(1.0, imbalance)
        balances.append(int(tokens * 10 ** d))
    i, j = rng.sample(range(n), 2)
    fraction = 10 ** rng.uniform(-9, 0.5)
    dx = max(1, int(balances[i] * fraction))
    curve = Curve(A, list(balances), n, list(rates))
    dx_scaled = dx * rates[i] // 10 ** 18
    if dx_scaled == 0:
        continue
    D = curve.D()
    x = curve.xp()[i] + dx_scaled
    y = curve.y(i, j, x)
    dy = curve.dy(i, j, dx_scaled)
    print(";".join([str(n), str(A), ",".join(map(str, decimals)), ",".join(map(str, balances)), str(i), str(j),
                    str(dx), str(D), str(y), str(dy)]))
    rows += 1
