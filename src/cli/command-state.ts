// What a command action hands back to main(): its exit code.
export interface CommandState {
  code: number;
}
