/**
 * The tenant's model inventory: vendors, models, where they run (deployments) and teams, with their
 * REST resources.
 */
package io.portolan.inventory;
