/**
 * Notices: what a change in what they may use means for the teams it touches (a suspension, an
 * announced cut-off 30 and 7 days ahead and on the day, an approval about to expire), with the
 * models to move to; shown to the teams in the UI and sent to the tenant's webhook, once per fleet.
 */
package io.portolan.notice;
