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
  // Sanepid override of the webjar's app/admin/scripts/config.js, served from the application's
  // classpath ahead of the camunda-webapp-webjar jar (as Tasklist's).
  app: {
    name: 'Әкімшілік / Администрирование',
    vendor: 'Санэпид'
  },

  // dates: the webapp's default formats (LLL, LLLL, LL) expand through the longDateFormat of the
  // active locale file (locales/kk.json, locales/ru.json: DD.MM.YYYY, 24-hour time).

  // the first language the browser reports (region dropped: "ru-RU" -> "ru"); others fall back to English
  locales: {
    availableLocales: ['kk', 'ru', 'en'],
    fallbackLocale: 'en'
  }
};
