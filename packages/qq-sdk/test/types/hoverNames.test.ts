import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What an editor shows on hover is the checker's name for a type: this compiles a small bot against
// the sources and asks the checker, as the language service does for quick info.
const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const file = fileURLToPath(new URL('./__hover__.ts', import.meta.url));
const source = `
import { QQBot } from ${JSON.stringify(entry.replace(/\.ts$/u, '.js'))};
declare const bot: QQBot;
bot.on('GROUP_AT_MESSAGE_CREATE', (groupEvent) => { const groupAuthor = groupEvent.author; const groupAttachments = groupEvent.attachments; void [groupAuthor, groupAttachments]; });
bot.on('C2C_MESSAGE_CREATE', (c2cEvent) => { void c2cEvent; });
bot.on('INTERACTION_CREATE', (interaction) => { void interaction; });
bot.on('message', (msg) => {
  const anyScene = msg;
  if (msg.scene === 'group') {
    const inGroup = msg;
    const groupOpenid = msg.groupOpenid;
    const groupRaw = msg.raw;
    void [inGroup, groupOpenid, groupRaw];
  }
  if (msg.scene === 'c2c') {
    const userOpenid = msg.userOpenid;
    void userOpenid;
  }
  void anyScene;
});
bot.on('GROUP_AT_MESSAGE_CREATE', (typo) => { void typo.author.usernmae; });
bot.on('GROUP_AT_MESSAGE_CREATE', (typoTop) => { void typoTop.group_opneid; });
`;

function compile(): { names: Map<string, string>; errors: string[] } {
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) throw new Error('the hover probe did not load');
  const names = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name)) {
      names.set(node.name.text, checker.typeToString(checker.getTypeAtLocation(node.name)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const errors = ts.getPreEmitDiagnostics(program, sourceFile).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { names, errors };
}

describe('the names an editor shows for event and message types', () => {
  const { names, errors } = compile();

  it('names each event payload instead of expanding it', () => {
    expect(names.get('groupEvent')).toBe('GroupMessageEvent');
    expect(names.get('c2cEvent')).toBe('C2CMessageEvent');
    expect(names.get('interaction')).toBe('InteractionEvent');
    expect(names.get('groupAuthor')).toBe('EventAuthor');
    expect(names.get('groupAttachments')).toBe('EventAttachment[] | undefined');
  });

  it("names the message union, and msg.scene narrows it to the scene's member with its ids and payload", () => {
    expect(names.get('anyScene')).toBe('Message');
    expect(names.get('inGroup')).toBe('GroupMessage');
    expect(names.get('groupOpenid')).toBe('string');
    expect(names.get('groupRaw')).toBe('GroupMessageEvent');
    expect(names.get('userOpenid')).toBe('string');
  });

  it('refuses a misspelt field, nested or not, and nothing else', () => {
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/'usernmae' does not exist on type 'EventAuthor'.*Did you mean 'username'/su);
    expect(errors[1]).toMatch(/'group_opneid' does not exist on type 'GroupMessageEvent'.*Did you mean 'group_openid'/su);
  });
});
