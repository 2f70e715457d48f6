package io.konggitops.translate.upstream;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

import java.util.List;
import java.util.Optional;

/** KIC's {@code findPort} (kic-translation §5.1): which ServicePort a backend port refers to. */
public final class PortResolver {
    private PortResolver() {
    }

    public static boolean isExternalName(Service svc) {
        return svc.getSpec() != null && "ExternalName".equals(svc.getSpec().getType());
    }

    /**
     * number: the port with that {@code port} (ExternalName: the number as-is); name: the port with that
     * {@code name} or string {@code targetPort} (not for ExternalName); implicit: the only port (not for ExternalName).
     */
    public static Optional<ServicePort> find(Service svc, PortDef def) {
        List<ServicePort> ports = svc.getSpec() == null || svc.getSpec().getPorts() == null
                ? List.of() : svc.getSpec().getPorts();
        boolean external = isExternalName(svc);
        switch (def.mode()) {
            case NUMBER -> {
                if (external) {
                    // ExternalName Services declare no ports of their own: the requested number is used as-is
                    return Optional.of(new ServicePortBuilder().withPort(def.number())
                            .withTargetPort(new IntOrString(def.number())).build());
                }
                for (ServicePort p : ports) {
                    if (p.getPort() != null && p.getPort() == def.number()) return Optional.of(p);
                }
                return Optional.empty();
            }
            case NAME -> {
                if (external) return Optional.empty();
                for (ServicePort p : ports) {
                    if (def.name().equals(p.getName())) return Optional.of(p);
                    IntOrString tp = p.getTargetPort();
                    if (tp != null && tp.getStrVal() != null && tp.getStrVal().equals(def.name())) {
                        return Optional.of(p);
                    }
                }
                return Optional.empty();
            }
            default -> {
                if (external) return Optional.empty();
                return ports.size() == 1 ? Optional.of(ports.get(0)) : Optional.empty();
            }
        }
    }
}
