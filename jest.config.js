/** Tests start real servers (emulator, PostgreSQL, terraform): two workers on a two-core machine. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
  maxWorkers: 2,
  testTimeout: 30000,
};
