const t = performance.now();
await import('qq-sdk');
console.log('import ms', (performance.now() - t).toFixed(1));
