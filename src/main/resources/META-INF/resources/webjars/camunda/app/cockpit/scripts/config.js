/*
 * Sanepid override of the webjar's app/cockpit/scripts/config.js (Apache License 2.0, Camunda Services GmbH):
 * Spring Boot serves this file from the application's classpath, before the camunda-webapp-webjar jar.
 */
export default {
  // the managers' view (issue 17): a dashboard entry, its own page #/managers and a navigation link, served from
  // the application (scripts/managers-view.js); it reads /api/manager/** with the Cockpit session
  customScripts: ['scripts/managers-view.js']
};
