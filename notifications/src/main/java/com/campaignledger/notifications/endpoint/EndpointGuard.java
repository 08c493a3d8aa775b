package com.campaignledger.notifications.endpoint;

import com.campaignledger.notifications.NotificationProperties;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard: an endpoint must be an absolute http(s) URL whose host resolves only to public
 * addresses. Loopback, link-local (which holds the cloud metadata address 169.254.169.254), private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), unspecified and multicast
 * addresses are refused, unless {@code ledger.notifications.allow-private-endpoints} is set. Checked when a
 * subscription is saved, again before every attempt, and on the addresses the attempt connects to.
 */
@Component
public class EndpointGuard {

    /** Why an endpoint is refused, in words for a problem's detail. */
    public static class RefusedEndpointException extends Exception {
        public RefusedEndpointException(String message) {
            super(message);
        }
    }

    /** Resolves host names; a seam so tests never need a DNS server. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    public EndpointGuard(NotificationProperties properties) {
        this(properties.allowPrivateEndpoints(), InetAddress::getAllByName);
    }

    public EndpointGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The endpoint as a URI, once it passed every check. */
    public URI check(String endpoint) throws RefusedEndpointException {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new RefusedEndpointException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedEndpointException("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedEndpointException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedEndpointException("must not carry credentials");
        }
        if (!allowPrivate) {
            addresses(uri.getHost());
        }
        return uri;
    }

    /**
     * The addresses of a host, when every one of them may be sent to. The sender connects only to addresses
     * this returned (see WebhookSender), so a name that resolves elsewhere between the check and the
     * connection (DNS rebinding) is refused too.
     */
    public InetAddress[] addresses(String host) throws RefusedEndpointException {
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal as a URL writes it
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedEndpointException("host " + host + " cannot be resolved");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedEndpointException(
                            "resolves to " + address.getHostAddress()
                                    + ", a loopback, link-local, private or metadata address, which notifications are not sent to");
                }
            }
        }
        return addresses;
    }

    /** Whether an address is one that notifications may be sent to. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking 198.18.0.0/15
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // deprecated site-local fec0::/10
            }
            if (tunnelsIpv4(b)) {
                return false; // NAT64, 6to4 and Teredo carry an IPv4 address, which may be a private one
            }
            if (isMappedOrCompatibleV4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** NAT64 64:ff9b::/96 (and the local-use 64:ff9b:1::/48), 6to4 2002::/16, Teredo 2001::/32. */
    private static boolean tunnelsIpv4(byte[] b) {
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return (first == 0x64 && second == 0xff9b) || first == 0x2002 || (first == 0x2001 && second == 0);
    }

    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
