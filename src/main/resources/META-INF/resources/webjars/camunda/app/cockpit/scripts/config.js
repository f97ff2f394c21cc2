/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
//
// Modified for the Sanepid workflow application: app name, date format, locales.

export default {
  // Sanepid override of the webjar's app/cockpit/scripts/config.js, served from the application's
  // classpath ahead of the camunda-webapp-webjar jar (as Tasklist's and Admin's).
  app: {
    name: 'Процестерді бақылау / Мониторинг процессов',
    vendor: 'Санэпид'
  },

  // moment.js formats; "LLL"/"LLLL" expand through the longDateFormat of the
  // active locale file (locales/kk.json, locales/ru.json: DD.MM.YYYY, 24-hour time).
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'LLL',
    long: 'LLLL',
    short: 'DD.MM.YYYY'
  },

  // the first language the browser reports (region dropped: "kk-KZ" -> "kk"); others fall back to
  // English, and so do keys missing from a locale file
  locales: {
    availableLocales: ['kk', 'ru', 'en'],
    fallbackLocale: 'en'
  },

  // the managers' view (issue 17): a dashboard entry, its own page #/managers and a navigation link, served from
  // the application (scripts/managers-view.js); it reads /api/manager/** with the Cockpit session
  customScripts: ['scripts/managers-view.js']
};
