/** The suite's version; part of every build-avoidance key (a test keeps it equal to package.json's). */
export const SUITE_VERSION = '0.1.0'
