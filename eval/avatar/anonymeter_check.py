"""Cross-check of Voile's attack risks with Anonymeter, the reference implementation.

Usage: python anonymeter_check.py JOBS.json OUT.json  (run by eval/avatar/run.ts)

Each job names the original (training) records, the control records and the synthetic files of one
privacy split; the same columns, attack counts, linkability column sets and inference secrets as
Voile's run are used. Categorical columns are read as strings so that Anonymeter treats them as
categorical (equality queries, 0/1 distance), as Voile does.
"""
import json
import sys
import warnings

import pandas as pd
from anonymeter.evaluators import InferenceEvaluator, LinkabilityEvaluator, SinglingOutEvaluator

warnings.filterwarnings("ignore")
SEED = 20230307


def load(path, categorical):
    df = pd.read_csv(path, sep=None, engine="python")
    for col in df.columns:
        if col in categorical:
            df[col] = df[col].map(lambda v: None if pd.isna(v) else str(int(v)) if float(v).is_integer() else str(v))
        else:
            df[col] = df[col].astype(float)
    return df


def risk(evaluator):
    r = evaluator.risk(confidence_level=0.95)
    return {"value": float(r.value), "ci": [float(r.ci[0]), float(r.ci[1])]}


def main(jobs_path, out_path):
    jobs = json.load(open(jobs_path))
    results = []
    for job in jobs:
        cat = set(job["categorical"])
        ori = load(job["original"], cat)
        control = load(job["control"], cat)
        n = int(job["nAttacks"])
        for name, syn_path in job["synthetic"].items():
            syn = load(syn_path, cat)[ori.columns]
            risks = {}
            so = SinglingOutEvaluator(ori=ori, syn=syn, control=control, n_attacks=500, seed=SEED)
            risks["singling out (univariate)"] = risk(so.evaluate(mode="univariate"))
            so = SinglingOutEvaluator(ori=ori, syn=syn, control=control, n_attacks=500, n_cols=3, seed=SEED)
            risks["singling out (multivariate)"] = risk(so.evaluate(mode="multivariate"))
            link = LinkabilityEvaluator(ori=ori, syn=syn, control=control, n_attacks=n, aux_cols=tuple(job["linkability"]), n_neighbors=1)
            risks["linkability"] = risk(link.evaluate(n_jobs=1))
            for secret in job["secrets"]:
                aux = [c for c in ori.columns if c != secret]
                inf = InferenceEvaluator(ori=ori, syn=syn, control=control, aux_cols=aux, secret=secret, regression=secret not in cat, n_attacks=n)
                risks[f"inference {secret}"] = risk(inf.evaluate(n_jobs=1))
            results.append({"dataset": job["dataset"], "synthetic": name, "risks": risks})
            print(f"anonymeter: {job['dataset']} {name} done", file=sys.stderr)
    json.dump(results, open(out_path, "w"), indent=2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
