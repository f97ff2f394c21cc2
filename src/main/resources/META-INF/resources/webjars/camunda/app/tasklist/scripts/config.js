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
  // Sanepid override of the webjar's app/tasklist/scripts/config.js: Spring Boot serves
  // this file from the application's own classpath (target/classes, BOOT-INF/classes),
  // which comes before the camunda-webapp-webjar jar, so it replaces the bundled one.
  app: {
    name: 'Санэпид қызметтері / Санэпид услуги'
  },

  // moment.js formats; "LLL"/"LLLL" expand through the longDateFormat of the
  // active locale file (locales/kk.json, locales/ru.json, locales/en.json).
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'LLL',
    long: 'LLLL',
    short: 'DD.MM.YYYY'
  },

  // Tasklist takes the first language the browser reports (navigator.languages[0],
  // region dropped: "kk-KZ" -> "kk"); if it is not listed here, fallbackLocale is used.
  // Keys missing from a locale file are also looked up in the fallback locale.
  locales: {
    availableLocales: ['kk', 'ru', 'en'],
    fallbackLocale: 'en'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
