#!/usr/bin/env python3
"""Generate a synthetic GitOps repository for benchmarks.

usage: generate-repo.py RULES OUTDIR [--shape per-two|fixed-50] [--rules-per-ingress N]
                        [--rules-per-service N | --services N] [--endpoints N] [--namespaces N]
                        [--namespace-prefix P]

Shapes (RULES Ingress rules in total, each rule one host + one Prefix path → one Kong route; every Service has one
EndpointSlice of --endpoints ready endpoints, default 3 → one Kong upstream with 3 targets):

  per-two  (default, the shape of issue #10): one Ingress per rule, one Service per two rules.
           10,000 rules → 10,000 Ingresses + 5,000 Services + 5,000 EndpointSlices (20,000 documents, ≈ 5.8 MB)
           → 10,000 routes, 5,000 services, 5,000 upstreams, 15,000 targets.
  fixed-50 (the earlier benchmark): Ingresses of 10 rules, 50 Services per namespace whatever the size.
           10,000 rules → 10,000 routes, 250 services, 250 upstreams, 750 targets.

--rules-per-ingress, --rules-per-service and --services (Services per namespace, fixed) override the shape.
Only Services that a rule uses become Kong services; every declared Service gets its EndpointSlice.
Namespaces are named PREFIX-00 .. (default prefix "team"; a different prefix gives a repository whose Kong names
do not collide with the first one, e.g. for foreign entities of another select tag). Files hold at most 500
documents. Output is deterministic for the same arguments.
"""
import argparse
import os

DOCS_PER_FILE = 500


class Files:
    """Appends documents to OUTDIR/<ns>/<kind>-NNN.yaml, starting a new file every DOCS_PER_FILE documents."""

    def __init__(self, outdir):
        self.outdir = outdir
        self.counts = {}
        self.handles = {}

    def write(self, ns, kind, text):
        key = (ns, kind)
        n = self.counts.get(key, 0)
        if n % DOCS_PER_FILE == 0:
            if key in self.handles:
                self.handles[key].close()
            d = os.path.join(self.outdir, ns)
            os.makedirs(d, exist_ok=True)
            self.handles[key] = open(os.path.join(d, f"{kind}-{n // DOCS_PER_FILE:03d}.yaml"), "w")
        self.handles[key].write(text)
        self.counts[key] = n + 1

    def close(self):
        for h in self.handles.values():
            h.close()


def service(ns, name):
    return f"""---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {ns}
spec:
  ports:
  - name: http
    port: 80
    targetPort: 8080
"""


def endpoint_slice(ns, name, addresses):
    out = f"""---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: {name}-abcde
  namespace: {ns}
  labels:
    kubernetes.io/service-name: {name}
addressType: IPv4
ports:
- name: http
  port: 8080
  protocol: TCP
endpoints:
"""
    for a in addresses:
        out += f"- addresses: [\"{a}\"]\n  conditions: {{ready: true}}\n"
    return out


def ingress_head(ns, name):
    return f"""---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {name}
  namespace: {ns}
spec:
  ingressClassName: kong
  rules:
"""


def rule_text(rule, svc):
    return f"""  - host: h{rule:06d}.example.com
    http:
      paths:
      - path: /api/{rule}
        pathType: Prefix
        backend:
          service:
            name: {svc}
            port:
              number: 80
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("rules", type=int)
    p.add_argument("outdir")
    p.add_argument("--shape", choices=["per-two", "fixed-50"], default="per-two")
    p.add_argument("--rules-per-ingress", type=int)
    p.add_argument("--rules-per-service", type=int)
    p.add_argument("--services", type=int, help="Services per namespace (fixed, whatever RULES is)")
    p.add_argument("--endpoints", type=int, default=3)
    p.add_argument("--namespaces", type=int, default=5)
    p.add_argument("--namespace-prefix", default="team")
    a = p.parse_args()

    rules_per_ingress = a.rules_per_ingress or (1 if a.shape == "per-two" else 10)
    ns_count = a.namespaces
    if a.services is not None:
        per_ns = a.services
    elif a.rules_per_service is not None or a.shape == "per-two":
        rps = a.rules_per_service or 2
        per_ns = max(1, -(-a.rules // (rps * ns_count)))
    else:
        per_ns = 50
    names = [f"{a.namespace_prefix}-{n:02d}" for n in range(ns_count)]

    files = Files(a.outdir)
    for n, ns in enumerate(names):
        for s in range(per_ns):
            name = f"svc-{s:05d}"
            files.write(ns, "services", service(ns, name))
            addresses = []
            for e in range(a.endpoints):
                i = s * a.endpoints + e
                addresses.append(f"10.{n % 250}.{(i // 250) % 250}.{i % 250 + 1}")
            files.write(ns, "endpointslices", endpoint_slice(ns, name, addresses))

    # per-two: the k-th rule of a namespace goes to its Service k // rules-per-service (two consecutive rules of a
    # namespace share one). fixed-50 keeps the earlier generator's choice (global rule number mod --services),
    # which uses 10 of the 50 Services of each namespace: 50 Kong services in total.
    rps = a.rules_per_service or 2
    fixed = a.services is not None or (a.shape == "fixed-50" and a.rules_per_service is None)
    seen = [0] * ns_count
    ingresses = -(-a.rules // rules_per_ingress)
    rule = 0
    for i in range(ingresses):
        ns_index = i % ns_count
        ns = names[ns_index]
        text = ingress_head(ns, f"ing-{i:06d}")
        for _ in range(rules_per_ingress):
            if rule >= a.rules:
                break
            svc = rule % per_ns if fixed else min(per_ns - 1, seen[ns_index] // rps)
            seen[ns_index] += 1
            text += rule_text(rule, f"svc-{svc:05d}")
            rule += 1
        files.write(ns, "ingresses", text)
    files.close()


if __name__ == "__main__":
    main()
