/**
 * Named data sources: {@link dev.statsigjdbc.driver.profile.DataSourceProfile} (name, MCP server URL, auth kind,
 * where an API key comes from, optional pre-registered client) kept by
 * {@link dev.statsigjdbc.driver.profile.ProfileStore} in {@code sources.json} beside the credential vault. Profiles
 * hold no clear secret; OAuth tokens are in the vault under the profile's name.
 */
package dev.statsigjdbc.driver.profile;
