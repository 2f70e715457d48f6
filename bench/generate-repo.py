#!/usr/bin/env python3
"""Generate a synthetic GitOps repository for benchmarks.

usage: generate-repo.py RULES OUTDIR [--rules-per-ingress N] [--services N] [--namespaces N]

Writes OUTDIR/<namespace>/ingresses-NNN.yaml, services.yaml and endpointslices.yaml: RULES Ingress rules in
total (each rule one host + one Prefix path), spread over Ingresses of --rules-per-ingress rules (default 10),
backed by --services Services per namespace (default 50), each with an EndpointSlice of 3 ready endpoints.
Output is deterministic for the same arguments.
"""
import argparse
import os


def main():
    p = argparse.ArgumentParser()
    p.add_argument("rules", type=int)
    p.add_argument("outdir")
    p.add_argument("--rules-per-ingress", type=int, default=10)
    p.add_argument("--services", type=int, default=50)
    p.add_argument("--namespaces", type=int, default=5)
    a = p.parse_args()

    ingresses = (a.rules + a.rules_per_ingress - 1) // a.rules_per_ingress
    for n in range(a.namespaces):
        ns = f"team-{n:02d}"
        d = os.path.join(a.outdir, ns)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "services.yaml"), "w") as f:
            for s in range(a.services):
                f.write(f"""---
apiVersion: v1
kind: Service
metadata:
  name: svc-{s:03d}
  namespace: {ns}
spec:
  ports:
  - name: http
    port: 80
    targetPort: 8080
""")
        with open(os.path.join(d, "endpointslices.yaml"), "w") as f:
            for s in range(a.services):
                f.write(f"""---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: svc-{s:03d}-abcde
  namespace: {ns}
  labels:
    kubernetes.io/service-name: svc-{s:03d}
addressType: IPv4
ports:
- name: http
  port: 8080
  protocol: TCP
endpoints:
""")
                for e in range(3):
                    f.write(f"- addresses: [\"10.{n}.{s % 250}.{e + 10}\"]\n  conditions: {{ready: true}}\n")

    rule = 0
    for i in range(ingresses):
        ns = f"team-{i % a.namespaces:02d}"
        path = os.path.join(a.outdir, ns, f"ingresses-{i // 100:03d}.yaml")
        with open(path, "a") as f:
            f.write(f"""---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing-{i:05d}
  namespace: {ns}
spec:
  ingressClassName: kong
  rules:
""")
            for _ in range(a.rules_per_ingress):
                if rule >= a.rules:
                    break
                svc = rule % a.services
                f.write(f"""  - host: h{rule:06d}.example.com
    http:
      paths:
      - path: /api/{rule}
        pathType: Prefix
        backend:
          service:
            name: svc-{svc:03d}
            port:
              number: 80
""")
                rule += 1


if __name__ == "__main__":
    main()
