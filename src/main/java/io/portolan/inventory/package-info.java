/** The tenant's model inventory: vendors, models and teams, with their REST resources. */
package io.portolan.inventory;
