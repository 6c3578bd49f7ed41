import { describe, expect, it } from "vitest";
import { isDbUnavailable } from "./db-errors";

describe("isDbUnavailable", () => {
  it.each([
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    [Object.assign(new Error("the database system is shutting down"), { code: "57P03" })],
    [Object.assign(new Error("connection failure"), { code: "08006" })],
    [new Error("Connection terminated unexpectedly")],
    [new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "ETIMEDOUT" }) })],
    [new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })])],
  ])("%s is unavailability", (e) => expect(isDbUnavailable(e)).toBe(true));

  it.each([
    [new Error("syntax error")],
    [Object.assign(new Error("unique violation"), { code: "23505" })],
    [null],
    ["text"],
  ])("%s is not", (e) => expect(isDbUnavailable(e)).toBe(false));
});
