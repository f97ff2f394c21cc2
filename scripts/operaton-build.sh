#!/usr/bin/env bash
# The way off the end-of-life engine (issue 19): copies the tree to target/operaton, rewrites the copy mechanically
# from Camunda 7.24 to Operaton (org.operaton.bpm, the same engine, REST API and ACT_* schema under renamed Java
# packages) and runs the ordinary suite on it. The tree itself stays on Camunda 7.24.
#   bash scripts/operaton-build.sh              # rewrite + mvn verify (the ordinary suite, no -Psystem); a CI step
#   bash scripts/operaton-build.sh --rewrite    # only the rewritten copy, to read its diff or build it by hand
# Operaton's own OpenRewrite recipe (org.operaton:migrate-camunda-recipe) is not served by Maven Central, hence sed.
# What the rewrite changes, and what it costs to switch for real: docs/PRODUCTION.md "Moving to Operaton".
set -euo pipefail
cd "$(dirname "$0")/.."
# 1.0.3: the newest 1.0.x release on Maven Central (its releases: 1.0.0, 1.0.3)
OPERATON_VERSION="${OPERATON_VERSION:-1.0.3}"
OUT=target/operaton

rm -rf "$OUT"
mkdir -p "$OUT"
# the tracked files only (no target/, no data/), as a clean clone has them
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$OUT"
cd "$OUT"

# 1. Maven: the BOM, the starters, assert and junit5 under org.operaton.bpm; the coverage extension is built against
#    Camunda's engine and has no Operaton release: left out (no test imports it)
sed -i \
    -e "s|<camunda.version>[^<]*</camunda.version>|<camunda.version>${OPERATON_VERSION}</camunda.version>|" \
    -e 's|<artifactId>camunda-bom</artifactId>|<artifactId>operaton-bom</artifactId>|' \
    -e 's|org\.camunda\.bpm\.springboot|org.operaton.bpm.springboot|g' \
    -e 's|<groupId>org\.camunda\.bpm</groupId>|<groupId>org.operaton.bpm</groupId>|g' \
    -e 's|camunda-bpm-spring-boot-starter|operaton-bpm-spring-boot-starter|g' \
    -e 's|<artifactId>camunda-bpm-assert</artifactId>|<artifactId>operaton-bpm-assert</artifactId>|' \
    -e 's|<artifactId>camunda-bpm-junit5</artifactId>|<artifactId>operaton-bpm-junit5</artifactId>|' \
    pom.xml
# drop the <dependency> blocks the registry has no Operaton build of: the coverage extension (built against Camunda's
# engine, see 1b. below) and assert (its Camunda sources are rewritten below)
for artifact in camunda-process-test-coverage-spring-test-platform-7 operaton-bpm-assert; do
    perl -0pi -e "s|\\s*<dependency>\\s*<groupId>[^<]*</groupId>\\s*<artifactId>${artifact}</artifactId>.*?</dependency>||s" pom.xml
done
# camunda-bpm-assert (Apache 2.0) is not published for Operaton 1.0.x: its 7.24.0 sources go into the copy's test
# sources and are rewritten with the rest
ASSERT="org.camunda.bpm:camunda-bpm-assert:$(sed -n 's|.*<camunda.version>\(.*\)</camunda.version>.*|\1|p' ../../pom.xml)"
mvn -B -ntp -q dependency:unpack -Dartifact="${ASSERT}:jar:sources" -DoutputDirectory=src/test/java \
    -Dmdep.unpack.excludes='META-INF/**'
# under the directory of the package they are rewritten to
mkdir -p src/test/java/org/operaton
mv src/test/java/org/camunda/bpm src/test/java/org/operaton/bpm
rmdir src/test/java/org/camunda

# 1b. the process test coverage check has no Operaton equivalent: camunda-process-test-coverage (3.0.0, the only
#     line for 7.20-7.24) is built against org.camunda.bpm's engine classes and no release of it exists for
#     org.operaton.bpm. What goes with it, and only that: the library's engine set-up (coverage/ProcessCoverageSetup,
#     its auto-configuration entry and its test execution listener, the only line of spring.factories), the threshold
#     check in verify (coverage/ProcessCoverageCheck, coverage-thresholds.properties, surefire's process-coverage
#     execution) and SduEndToEndTest's @ExcludeFromProcessCoverage (the class runs as before). Every other test runs.
rm -r src/test/java/kz/health/sanepid/coverage
rm src/test/resources/coverage-thresholds.properties
# the auto-configuration list keeps its other entries (config/EngineAlignedClockSetup); spring.factories lists only
# the coverage listener and goes
imports=src/test/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports
sed -i '/^kz\.health\.sanepid\.coverage\./d' "$imports"
if grep -v -e '^kz\.health\.sanepid\.config\.' -e '^[[:space:]]*$' "$imports"; then
    echo "operaton-build: $imports lists an entry this script does not know; check it runs on Operaton" >&2
    exit 1
fi
factories=src/test/resources/META-INF/spring.factories
if grep -v -e 'kz\.health\.sanepid\.coverage\.' -e '^org\.springframework\.test\.context\.TestExecutionListener=\\$' \
        -e '^[[:space:]]*$' "$factories"; then
    echo "operaton-build: $factories lists more than the process coverage set-up; drop only that entry" >&2
    exit 1
fi
rm "$factories"
perl -0pi -e 's|\s*<!-- process test coverage:.*?-->\s*<execution>\s*<id>process-coverage</id>.*?</execution>||s;
    s|\s*<executions>\s*</executions>||s' pom.xml
sed -i -e '/^import org\.camunda\.community\.process_test_coverage\./d' -e '/^@ExcludeFromProcessCoverage$/d' \
    src/test/java/kz/health/sanepid/reissuance/SduEndToEndTest.java
# (code only: comment lines that name the set-up may stay)
if grep -rn 'process_test_coverage\|ProcessCoverage' src | grep -v -E '^[^:]+:[0-9]+:[[:space:]]*(\*|//)' || grep -n 'process_test_coverage\|<test>ProcessCoverage' pom.xml; then
    echo "operaton-build: the process coverage library is still referenced above" >&2
    exit 1
fi

# 2. Java and the resources: packages, the model API's camunda* accessors, the Spring properties, the webapps' paths
mapfile -d '' files < <(find src -type f \( -name '*.java' -o -name '*.yaml' -o -name '*.yml' -o -name '*.properties' \
    -o -name '*.js' -o -name '*.html' -o -name '*.xml' -o -name '*.json' \) -print0)
sed -i \
    -e 's/org\.camunda\.\(bpm\|commons\)\./org.operaton.\1./g' \
    -e 's|org/camunda/bpm/|org/operaton/bpm/|g' \
    -e 's/\bgetCamunda\([A-Z]\)/getOperaton\1/g' \
    -e 's/\bsetCamunda\([A-Z]\)/setOperaton\1/g' \
    -e 's/\b\(is\|check\)Camunda\([A-Z]\)/\1Operaton\2/g' \
    -e 's/\.camunda\([A-Z][A-Za-z]*\)(/.operaton\1(/g' \
    -e 's/--camunda\.bpm\./--operaton.bpm./g' \
    -e 's/"camunda\.bpm\./"operaton.bpm./g' \
    -e 's/{camunda\.bpm\./{operaton.bpm./g' \
    -e 's/^camunda:$/operaton:/' \
    -e 's|/camunda/app/|/operaton/app/|g' \
    -e 's|/camunda/api/|/operaton/api/|g' \
    -e 's|"/camunda/|"/operaton/|g' \
    -e 's|webjars/camunda/|webjars/operaton/|g' \
    -e 's|camunda-webapp-webjar|operaton-webapp-webjar|g' \
    -e 's|"/camunda-welcome|"/operaton-welcome|g' \
    -e "s|'/camunda'|'/operaton'|g" \
    -e 's|\\/camunda\b|\\/operaton|g' \
    -e 's/\bcamunda-admin\b/operaton-admin/g' \
    -e 's/\bCAMUNDA_BPM_/OPERATON_BPM_/g' \
    "${files[@]}"
# the webapp's overridden resources live under the webjar's path
if [ -d src/main/resources/META-INF/resources/webjars/camunda ]; then
    mv src/main/resources/META-INF/resources/webjars/camunda src/main/resources/META-INF/resources/webjars/operaton
fi

# Camunda 7.24's webapps have a label Operaton's have not (the Community Edition's end-of-life banner): the kk and ru
# translations of Tasklist, Cockpit and Admin carry exactly the English file's keys (WebappTranslationsTest), so that
# one goes
sed -i '/"BANNER_CE_EOL_TEXT"/d' src/main/resources/META-INF/resources/webjars/operaton/app/*/locales/*.json
# Operaton's English files name the product Operaton (APP_VENDOR, FIRST_LOGIN_HEADING, SETUP_SETUP, "Operaton
# Cockpit"): so do the kk and ru files, and the tests' lists of the names that read the same in every language
sed -i 's/\bCamunda\b/Operaton/g' src/main/resources/META-INF/resources/webjars/operaton/app/*/locales/*.json
sed -i -e 's/"Camunda"/"Operaton"/g' -e 's/"Camunda Cockpit"/"Operaton Cockpit"/g' \
    src/test/java/kz/health/sanepid/webapp/WebappTranslationsTest.java \
    src/test/java/kz/health/sanepid/system/TasklistBrowserTest.java
# Operaton's webapps show no end-of-life banner: EndOfLifeBannerTest keeps what still holds (the application's
# user-styles.css hides .ce-eol-banner, index.html loads it) and loses the one assertion about Camunda's banner
perl -0pi -e 's|\s*assertThat\(text\(resource\(APP \+ app \+ "/camunda-" \+ app \+ "-bootstrap\.js"\)\)\)\s*\.contains\("class=\\"ce-eol-banner\\""\);||s or die "EndOfLifeBannerTest: the banner assertion changed\n";
    s/theWebjarShowsTheBannerUnderThatClassAndLoadsTheUserStyles/theWebjarLoadsTheUserStyles/' \
    src/test/java/kz/health/sanepid/webapp/EndOfLifeBannerTest.java

# 3. the diagrams keep the camunda: extension namespace, which Operaton's parser reads as its own
echo "operaton-build: tree rewritten to Operaton ${OPERATON_VERSION} in $OUT"

if [ "${1:-}" = "--rewrite" ]; then
    exit 0
fi
mvn -B -ntp verify
echo "operaton-build: rewrite and mvn verify on Operaton ${OPERATON_VERSION} took ${SECONDS} s"
