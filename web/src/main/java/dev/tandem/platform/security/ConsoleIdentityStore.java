package dev.tandem.platform.security;

import dev.tandem.tenancy.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Console users live in the user_account table; passwords are PBKDF2 hashes written by
 * {@link UserAccounts}. Deactivated users cannot log in.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:comp/DefaultDataSource",
        callerQuery = "select password_hash from user_account where username = ? and active = true",
        groupsQuery = "select role from user_account where username = ? and active = true",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {UserAccounts.HASH_ITERATIONS, UserAccounts.HASH_ALGORITHM,
                UserAccounts.HASH_SALT_SIZE, UserAccounts.HASH_KEY_SIZE})
public class ConsoleIdentityStore {
}
