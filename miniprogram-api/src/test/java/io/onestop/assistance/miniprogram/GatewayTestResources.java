package io.onestop.assistance.miniprogram;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * The outside systems of every gateway test (unless a profile disables them): the real backend on the real stack,
 * and the platform simulator. Declared once so Quarkus starts them once for all test classes.
 */
@QuarkusTestResource(BackendProcess.class)
@QuarkusTestResource(PlatformSimulatorResource.class)
public final class GatewayTestResources {

    private GatewayTestResources() {
    }
}
