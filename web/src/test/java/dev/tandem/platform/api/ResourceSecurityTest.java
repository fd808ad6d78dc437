package dev.tandem.platform.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Everything is denied unless allowed: every REST endpoint states who may call it. */
class ResourceSecurityTest {

    @Test
    void everyResourceMethodDeclaresItsRoles() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertFalse(resources.isEmpty(), "no JAX-RS resources found on the class path");
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : resources) {
            boolean classLevel = resource.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(DenyAll.class);
            for (Method method : resource.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || !isEndpoint(method)) {
                    continue;
                }
                boolean declared = classLevel || method.isAnnotationPresent(RolesAllowed.class)
                        || method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(DenyAll.class);
                if (!declared) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(undeclared.isEmpty(), "endpoints without @RolesAllowed: " + undeclared);
    }

    private static boolean isEndpoint(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a ->
                a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)
                        || a.annotationType() == jakarta.ws.rs.Path.class);
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        Path root = Path.of(RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name);
                    if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
        }
        return found;
    }
}
