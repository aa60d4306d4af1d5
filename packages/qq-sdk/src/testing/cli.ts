#!/usr/bin/env node
// qq-sdk-simulator: runs the QQ platform simulator as a standalone process (implemented in the
// simulator issue).
console.error('qq-sdk-simulator is not implemented yet');
process.exitCode = 1;
