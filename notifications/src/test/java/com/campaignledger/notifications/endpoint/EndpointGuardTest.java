package com.campaignledger.notifications.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses only: nothing here resolves a name through DNS or opens a connection. */
class EndpointGuardTest {

    final EndpointGuard guard = new EndpointGuard(false, host -> InetAddress.getAllByName(host));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://127.5.6.7:8080/",
                "http://[::1]/",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://172.31.255.255/",
                "http://192.168.1.10/",
                "http://169.254.169.254/latest/meta-data",
                "http://169.254.1.1/",
                "http://0.0.0.0/",
                "http://[fd00::1]/",
                "http://[fc00::5]/",
                "http://[fe80::1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://100.64.0.1/",
                "http://224.0.0.1/",
                "http://198.18.0.1/",
                "http://198.19.255.254/",
                "http://[64:ff9b::a00:1]/",
                "http://[64:ff9b:1::1]/",
                "http://[2002:a00:1::1]/",
                "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/"
            })
    void refusesLoopbackLinkLocalPrivateAndMetadataAddresses(String endpoint) {
        assertThatThrownBy(() -> guard.check(endpoint))
                .isInstanceOf(EndpointGuard.RefusedEndpointException.class)
                .hasMessageContaining("resolves to");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.216.34/hook",
                "https://8.8.8.8:8443/x?y=1",
                "http://172.32.0.1/",
                "http://198.20.0.1/",
                "http://[2001:db9::1]/",
                "http://[2606:4700:4700::1111]/"
            })
    void acceptsPublicAddresses(String endpoint) throws Exception {
        assertThat(guard.check(endpoint).toString()).isEqualTo(endpoint);
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        EndpointGuard rebinding = new EndpointGuard(false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});
        assertThatThrownBy(() -> rebinding.check("https://hooks.example.com/x")).hasMessageContaining("10.0.0.7");
        EndpointGuard unknown = new EndpointGuard(false, host -> {
            throw new java.net.UnknownHostException(host);
        });
        assertThatThrownBy(() -> unknown.check("https://nowhere.invalid/")).hasMessageContaining("cannot be resolved");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://93.184.216.34/",
                "file:///etc/passwd",
                "93.184.216.34/hook",
                "http:///nohost",
                "http://user:pw@93.184.216.34/",
                "not a url"
            })
    void refusesWhatIsNoPlainHttpUrl(String endpoint) {
        assertThatThrownBy(() -> guard.check(endpoint)).isInstanceOf(EndpointGuard.RefusedEndpointException.class);
    }

    @Test
    void privateAddressesPassWhenConfigurationAllowsThem() throws Exception {
        EndpointGuard lab = new EndpointGuard(true, host -> {
            throw new AssertionError("no resolution needed");
        });
        assertThat(lab.check("http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
        assertThatThrownBy(() -> lab.check("ftp://127.0.0.1/"))
                .isInstanceOf(EndpointGuard.RefusedEndpointException.class);
    }
}
