/**
 * The parts of velocityjs's syntax tree the engine reads. velocityjs does not export these types from its
 * package entry point, so they are restated here with only the fields the engine uses.
 * @see https://github.com/shepherdwind/velocity.js/blob/master/src/type.ts
 */

/** Where a directive or reference starts: 1-based line, 0-based column. */
export interface VelocityPosition {
  readonly first_line: number;
  readonly first_column: number;
}

/** A node of the tree: a directive, a reference, a literal or an operator. */
export interface VelocityNode {
  readonly type: string;
  readonly id?: unknown;
  readonly value?: unknown;
  readonly pos?: VelocityPosition;
  readonly leader?: string;
  readonly args?: readonly VelocityNode[] | false;
  readonly path?: readonly VelocityNode[];
  readonly operator?: string;
  readonly expression?: readonly VelocityNode[];
  readonly equal?: readonly [VelocityNode, VelocityNode];
  readonly condition?: VelocityNode;
  readonly isEval?: boolean;
}

/** A template after parsing: text, nodes, and nested blocks (`[opener, ...body]`). */
export type VelocityTree = Array<string | VelocityNode | VelocityTree>;
