"""Builds the benchmark park through the API: STREAMS streams (a third effluents, a third water demands, a third heat)
spread over the factories of the demo park 青溪工業區 (and of the EXTRA_PARKS, if any), created by 4 clients at once."""
import json, os, random, urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, token, count, work = os.environ["BASE"], os.environ["TOKEN"], int(os.environ["STREAMS"]), os.environ["WORK"]

def call(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None

rng = random.Random(10)
factories = [f for f in call("GET", "/api/v1/factories") if f["parkNameZh"] == "青溪工業區"]
park = factories[0]["parkId"]

# With EXTRA_PARKS (parks the run script inserted, as the platform has no API for parks), each gets
# FACTORIES_PER_PARK factories through the API, and the streams are spread over every factory of every park.
WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)

def ubn():
    while True:
        digits = f"{rng.randint(0, 99_999_999):08d}"
        total = sum(p // 10 + p % 10 for p in (int(d) * w for d, w in zip(digits, WEIGHTS)))
        if total % 5 == 0:
            return digits

extra = [p for p in call("GET", "/api/v1/parks") if p["id"] in set(os.environ.get("EXTRA_PARKS", "").split())]
per_park = int(os.environ.get("FACTORIES_PER_PARK", "4"))
for p in extra:
    for k in range(per_park):
        factories.append(call("POST", "/api/v1/factories", {
            "parkId": p["id"], "nameZh": f"{p['nameZh']}測試廠{k + 1}", "nameEn": f"Bench factory {k + 1}", "address": "測試路1號",
            "unifiedBusinessNumber": ubn(), "industry": rng.choice(["dyeing", "chemicals", "metals", "paper"]), "tsicCode": "20",
            "latitude": p["latitude"] + rng.uniform(-0.01, 0.01), "longitude": p["longitude"] + rng.uniform(-0.01, 0.01),
            "contactName": "測試", "contactPhone": "03-1234567", "contactEmail": ""}))
if extra:
    print(f"created {len(extra) * per_park} factories in {len(extra)} more parks", flush=True)
    open(os.path.join(work, "other_park"), "w").write(extra[0]["id"])

def body(i):
    kind = ("effluent-streams", "water-demands", "heat-streams")[i % 3]
    name = f"Bench {kind} {i}"
    if kind == "effluent-streams":
        return kind, {"name": name, "minM3PerDay": 10, "avgM3PerDay": 50 + rng.randint(0, 400), "maxM3PerDay": 900, "daysPerWeek": 7, "hoursPerDay": 24,
                      "route": "parkWwtp", "dischargeFeeNtdPerM3": 15,
                      "quality": [{"key": "codMgL", "value": 10 + rng.randint(0, 150), "basis": "declared"},
                                  {"key": "conductivityUsCm", "value": 300 + rng.randint(0, 2500), "basis": "declared"}]}
    if kind == "water-demands":
        return kind, {"name": name, "use": rng.choice(["cooling", "process"]), "flowM3PerDay": 20 + rng.randint(0, 300),
                      "limits": [{"key": "codMgL", "max": 40 + rng.randint(0, 120)}], "currentWaterQuality": [], "currentWaterPriceNtdPerM3": 12}
    return kind, {"name": name, "direction": rng.choice(["supply", "demand"]), "medium": "hotWater", "supplyTemperatureC": 70 + rng.randint(0, 40),
                  "returnTemperatureC": 40, "loadKw": 100 + rng.randint(0, 900), "currentFuel": "naturalGas"}

jobs = []
for i in range(count):
    kind, b = body(i)
    jobs.append((factories[i % len(factories)]["id"], kind, b))

def create(job):
    factory, kind, b = job
    try:
        return factory, kind, call("POST", f"/api/v1/factories/{factory}/{kind}", b)
    except urllib.error.HTTPError as e:
        return factory, kind, {"error": e.code, "detail": e.read().decode()[:300]}

with ThreadPoolExecutor(4) as pool:
    created = list(pool.map(create, jobs))
refused = [c for c in created if "error" in c[2]]
print(f"created {len(created) - len(refused)} streams, refused {len(refused)}; first refusals: {[r[2] for r in refused[:2]]}", flush=True)
jobs = [j for j, c in zip(jobs, created) if "error" not in c[2]]
created = [c for c in created if "error" not in c[2]]

supply = next(c for c in created if c[1] == "effluent-streams")
demand = next(c for c in created if c[1] == "water-demands" and c[0] != supply[0])
open(os.path.join(work, "park"), "w").write(park)
open(os.path.join(work, "pair"), "w").write(f"{supply[2]['id']}/{demand[2]['id']}")
open(os.path.join(work, "edit"), "w").write(json.dumps({"url": f"/api/v1/factories/{supply[0]}/effluent-streams/{supply[2]['id']}",
                                                         "body": jobs[created.index(supply)][2], "rowVersion": supply[2]["rowVersion"], "id": supply[2]["id"]}))
