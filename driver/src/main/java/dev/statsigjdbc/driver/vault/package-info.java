/**
 * Credentials at rest: {@link dev.statsigjdbc.driver.vault.CredentialVault} keeps a
 * {@link dev.statsigjdbc.driver.vault.CredentialSet} per data source and a
 * {@link dev.statsigjdbc.driver.vault.ClientRegistration} per authorization server in one AES-256-GCM vault file
 * (owner-only, replaced atomically, one writer at a time across threads and JVMs), keyed by
 * {@link dev.statsigjdbc.driver.vault.MasterKey}. {@link dev.statsigjdbc.driver.vault.EncryptedValue} handles
 * {@code ENC(v1:...)} values in properties and profiles. Every secret is a {@link dev.statsigjdbc.driver.vault.Secret}.
 */
package dev.statsigjdbc.driver.vault;
