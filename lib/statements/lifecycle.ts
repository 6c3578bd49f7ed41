// A statement's life: drafted from a case, reviewed, published by another person, amended,
// withdrawn. One file per stage under ./lifecycle/; callers import from here.
export { createStatementDraft, updateStatement } from "./lifecycle/draft";
export { returnStatement, submitStatement } from "./lifecycle/review";
export { publishStatement, withdrawStatement } from "./lifecycle/publish";
