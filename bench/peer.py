# The peer: what an analyst would write in a few minutes to total a folder of answer files,
# with PyYAML's C loader (libyaml). No checks at all; it prints one CSV line per file.
# Usage: python3 bench/peer.py QUESTIONNAIRE.yaml FOLDER
import os, resource, sys, yaml

Loader = yaml.CSafeLoader
q = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=Loader)

def level(question, value):
    got = q["scale"]["min"]
    for t in question["thresholds"]:
        if (value <= t["at"]) if question.get("direction") == "descending" else (value >= t["at"]):
            got = t["level"]
    return got

def score(question, a):
    if a is None or isinstance(a, (int, float)): return a or 0
    if "score" in a: return a["score"]
    if "assessors" in a: return sum(a["assessors"]) / len(a["assessors"])
    if "value" in a: return level(question, a["value"])
    s = a["survey"]
    if "mean" in s: return s["mean"]
    return sum(int(k) * n for k, n in s["counts"].items()) / sum(s["counts"].values())

files = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[2]) for f in fs if f.endswith((".yaml", ".yml")))
for path in files:
    doc = yaml.load(open(path, encoding="utf-8"), Loader=Loader)
    weights = next(p for p in q["profiles"] if p["id"] == doc.get("profile", q["defaultProfile"]))["weights"]
    total = 0
    for e in q["elements"]:
        if e["id"] not in weights: continue
        qs = [(x.get("weight", 1), score(x, doc["answers"].get(x["id"]))) for x in e["questions"]]
        total += weights[e["id"]] * sum(w * s for w, s in qs) / sum(w for w, _ in qs) / 100
    print(f'{path},{doc["respondent"]["region"]},{total:.2f}')

if os.environ.get("BENCH_RSS_FILE"):  # the bench's measurement, as bench/rss.mjs does for node
    r = resource.getrusage(resource.RUSAGE_SELF)
    open(os.environ["BENCH_RSS_FILE"], "w").write(f"{r.ru_maxrss} {(r.ru_utime + r.ru_stime) * 1000}")
