package io.konggitops.translate.upstream;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.konggitops.translate.naming.KongNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kong targets for one Service port (kic-translation §5.2-5.3): from EndpointSlices, or a single DNS target for
 * service-upstream / service-dns mode, or {@code <externalName>:<port>} for ExternalName Services.
 */
public final class Targets {
    private Targets() {
    }

    /** {@code <svc>.<ns>.svc[.<clusterDomain>]:<port>}. */
    public static TargetSpec serviceDns(Service svc, ServicePort port, String clusterDomain) {
        return new TargetSpec(KongNames.serviceDnsName(svc.getMetadata().getName(), svc.getMetadata().getNamespace(),
                clusterDomain) + ":" + port.getPort(), null);
    }

    /** {@code <externalName>:<targetPort>} (the requested port number, see {@link PortResolver}). */
    public static TargetSpec externalName(Service svc, ServicePort port) {
        String p = port.getTargetPort() == null ? String.valueOf(port.getPort())
                : port.getTargetPort().getIntVal() != null ? port.getTargetPort().getIntVal().toString()
                : port.getTargetPort().getStrVal();
        return new TargetSpec(svc.getSpec().getExternalName() + ":" + p, null);
    }

    /**
     * One target per endpoint of the slices whose port has the ServicePort's name ({@code ""} when unnamed) and one of
     * the Service's protocols (TCP always counts, as in KIC's {@code listProtocols}): ready (or unknown readiness) endpoints; terminating ones at weight 0 only with
     * {@code drain}; {@code addresses[0]}; IPv6 as {@code [ip]:port}; duplicates removed (first kept).
     */
    public static List<TargetSpec> fromEndpointSlices(List<EndpointSlice> slices, Service svc,
                                                      ServicePort servicePort, boolean drain) {
        String portName = servicePort.getName() == null ? "" : servicePort.getName();
        java.util.Set<String> protocols = new java.util.HashSet<>(List.of("TCP"));
        if (svc.getSpec() != null && svc.getSpec().getPorts() != null) {
            for (ServicePort sp : svc.getSpec().getPorts()) {
                if (sp.getProtocol() != null && !sp.getProtocol().isEmpty()) protocols.add(sp.getProtocol());
            }
        }
        Map<String, TargetSpec> out = new LinkedHashMap<>();
        for (EndpointSlice slice : slices) {
            if (slice.getPorts() == null || slice.getEndpoints() == null) continue;
            for (EndpointPort p : slice.getPorts()) {
                String name = p.getName() == null ? "" : p.getName();
                String proto = p.getProtocol() == null || p.getProtocol().isEmpty() ? "TCP" : p.getProtocol();
                if (!name.equals(portName) || !protocols.contains(proto) || p.getPort() == null) continue;
                for (Endpoint ep : slice.getEndpoints()) {
                    if (ep.getAddresses() == null || ep.getAddresses().isEmpty()) continue;
                    Long weight = null;
                    var c = ep.getConditions();
                    boolean ready = c == null || c.getReady() == null || c.getReady();
                    if (!ready) {
                        boolean terminating = c.getTerminating() != null && c.getTerminating();
                        if (!(terminating && drain)) continue;
                        weight = 0L;
                    }
                    String ip = ep.getAddresses().get(0);
                    String target = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + p.getPort();
                    out.putIfAbsent(target, new TargetSpec(target, weight));
                }
            }
        }
        return new ArrayList<>(out.values());
    }
}
