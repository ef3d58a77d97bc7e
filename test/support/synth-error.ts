/** The message an app's synth fails with (a cdktf or a cdktn App alike); a synth that succeeds fails the test. */
export function synthError(app: { synth(): void }): string {
  try {
    app.synth();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("app.synth() succeeded; expected a validation failure");
}
