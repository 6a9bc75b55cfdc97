"""Times one stream edit until its stored candidates carry it: the effluent's name changes through the API, then the
candidate table is read until every row of the stream holds the new name (the refresh runs in the edit's request, so
this normally holds when the PUT returns)."""
import json, os, subprocess, sys, time, urllib.request

base, token = os.environ["BASE"], os.environ["TOKEN"]
edit = json.loads(sys.argv[1])
psql = [os.path.join(os.environ["PG_BIN"], "psql"), "-h", os.environ["WORK"], "-p", os.environ["DB_PORT"], "-U", "postgres", "-d", "ecopark", "-At", "-c"]

def call(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

def rows(name):
    sql = f"SELECT count(*) FILTER (WHERE supply_name = '{name}'), count(*) FROM match_candidates WHERE supply_stream_id = '{edit['id']}'"
    new, total = subprocess.run(psql + [sql], capture_output=True, text=True, check=True).stdout.strip().split("|")
    return int(new), int(total)

times = []
for attempt in range(5):
    name = f"Bench edited {attempt} {int(time.time() * 1000)}"
    body = dict(edit["body"], name=name, rowVersion=edit["rowVersion"])
    started = time.perf_counter()
    edit["rowVersion"] = call("PUT", edit["url"], body)["rowVersion"]
    saved = time.perf_counter()
    while True:
        new, total = rows(name)
        if (new == total and total > 0) or time.perf_counter() - started > 30:
            break
        time.sleep(0.05)
    times.append((saved - started, time.perf_counter() - started, new, total))
print("stream edit reflected: " + "; ".join(f"PUT {s*1000:.0f} ms, all {t_} rows new after {t*1000:.0f} ms" if n == t_ else f"PUT {s*1000:.0f} ms, only {n}/{t_} rows new after 30 s"
                                       for s, t, n, t_ in times))
