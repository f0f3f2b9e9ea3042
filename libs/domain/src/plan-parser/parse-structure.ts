import { classifyCell, looksLikeTitle, ROLE_LABEL, type Scheme } from './classify-cell';
import { looksLikeNameList, merge, mergeAssignment, parseDepartmentText, type Role } from './parse-departments';
import { readCells, type Cell } from './read-cells';
import {
  emptyAssignment,
  type DepartmentAssignment,
  type ParsedFirstLevel,
  type ParsedPlan,
  type ParsedSecondLevel,
  type ParsedTask,
  type ParseOptions,
  type UnresolvedItem,
} from './types';

interface TaskDraft {
  task: ParsedTask;
  cells: Cell[];
  ownBlock: boolean;
  results: boolean;
}

/** A column of results ("1-11月推进情况", "完成情况") in a table's header: what follows a row's departments is done, not planned. */
const PROGRESS_COLUMN = /推进情况|完成情况|进展情况|落实情况|完成进度|工作进展|进度情况/;

/** Text outside any task (a preamble, a 总体要求 paragraph, prose under a heading): read for targets by parsePlan. */
export interface LooseText {
  start: number;
  end: number;
  /** The nearest heading above it; null for the plan level (before any heading). */
  first: ParsedFirstLevel | null;
  second: ParsedSecondLevel | null;
  /** The task before it, if any: the loose task is placed after it. */
  after: ParsedTask | null;
}
// `inline`: departments a task names on its own line; they are its own and the indicator's, never carried to the next task.
interface SecondDraft {
  second: ParsedSecondLevel;
  blocks: DepartmentAssignment[];
  inline: DepartmentAssignment[];
  carried: DepartmentAssignment | null;
}

const span = (input: string, start: number, end: number) => ({ start, end, text: input.slice(start, end) });
const sameTitle = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Builds the indicator tree (first level → second level → tasks) and the departments from the cells of a
 * flattened plan table. Numbering schemes get their level by order of first use (the first scheme seen is
 * the first level, the second the second level); bare numbers, or a third scheme, number tasks. Repeated
 * headings (rowspan artefacts) are merged. A department line applies to the task just before it and the
 * following tasks of the same second-level indicator; an indicator without one carries the previous over.
 * Tasks come back with empty `targets`.
 */
/**
 * A task's departments on its own line: in brackets (（责任单位：县教育局）, 〔牵头单位:…;责任单位:…〕, 【牵头部门：…】) or
 * after its last sentence ("…不少于3000户。牵头单位：区市场监管局；责任单位：区商务局").
 */
const INLINE_ROLE_BLOCK = new RegExp(
  `[(〔【\\[]\\s*(?<bracketed>(?:${ROLE_LABEL.source})[^)〕】\\]]*)[)〕】\\]]|[。;]\\s*(?<trailing>(?:${ROLE_LABEL.source}).*)$`,
);

export function parseStructure(input: string, options: ParseOptions = {}): ParsedPlan {
  return readStructure(input, options).plan;
}

/** parseStructure, with the stretches of text that belong to no task. */
export function readStructure(input: string, options: ParseOptions = {}): { plan: ParsedPlan; loose: LooseText[] } {
  const aliases = options.departmentAliases ?? {};
  const cells = readCells(input);
  const kinds = cells.map((c) => classifyCell(c.folded));
  const unresolved: UnresolvedItem[] = [];
  const problem = (start: number, end: number, reason: string) =>
    unresolved.push({ ...span(input, start, end), reason });

  // Everything before the first heading (site header, title, column headings) is boilerplate.
  let first = kinds.findIndex((k) => k.kind === 'heading' && looksLikeTitle(k.title));
  if (first < 0) first = kinds.findIndex((k) => k.kind === 'task-number');
  // A plain numbered list (①… / 1.…), every item a sentence: the list starts at its first item.
  if (first < 0)
    first = kinds.findIndex(
      (k, i) =>
        k.kind === 'heading' &&
        kinds.some((o, j) => j > i && o.kind === 'heading' && o.scheme === k.scheme && o.number === k.number + 1),
    );
  if (first < 0) first = cells.length;

  const schemes: Scheme[] = [];
  const firsts: ParsedFirstLevel[] = [];
  const seconds: SecondDraft[] = [];
  let curFirst = null as ParsedFirstLevel | null; // "as": assigned inside closures, which narrowing does not see
  let curSecond = null as SecondDraft | null;
  let curTask = null as TaskDraft | null;
  let lastTaskNumber = 0;
  let lastBlock: DepartmentAssignment | null = null; // the department line in force, for carry-over
  let openRole: Role | null = null; // set while department cells follow one another
  let openBlock: DepartmentAssignment | null = null;
  const drafts: TaskDraft[] = [];
  const loose: LooseText[] = [];
  const addLoose = (cell: Cell) => {
    const last = loose.at(-1);
    const second = curSecond?.second ?? null;
    const after = drafts.at(-1)?.task ?? null;
    if (last && last.first === curFirst && last.second === second && last.after === after) last.end = cell.end;
    else loose.push({ start: cell.start, end: cell.end, first: curFirst, second, after });
  };
  // A preamble is boilerplate for the structure, but a plan may state its targets there (a notice, a news report).
  for (let i = 0; i < first; i++) addLoose(cells[i]);
  const progressTable = cells.slice(0, first).some((c) => PROGRESS_COLUMN.test(c.folded) && c.folded.length <= 20);

  const ensureSecond = (cell: Cell): SecondDraft => {
    if (curSecond) return curSecond;
    problem(
      cell.start,
      cell.end,
      '任务前没有二级指标 task before any second-level heading; an untitled indicator was made',
    );
    if (!curFirst)
      firsts.push((curFirst = { number: 0, title: '', span: span(input, cell.start, cell.start), children: [] }));
    return openSecond(0, '', cell.start, cell.start);
  };
  const openSecond = (number: number, title: string, start: number, end: number): SecondDraft => {
    const second: ParsedSecondLevel = {
      number,
      title,
      span: span(input, start, end),
      departments: emptyAssignment(),
      departmentsCarriedOver: false,
      tasks: [],
    };
    curFirst!.children.push(second);
    seconds.push((curSecond = { second, blocks: [], inline: [], carried: lastBlock }));
    return curSecond;
  };
  // "…建成3所。（责任单位：县教育局）": a task's departments written in brackets at the end of its own text.
  const takeInlineDepartments = (draft: TaskDraft, cell: Cell) => {
    const m = INLINE_ROLE_BLOCK.exec(cell.folded);
    if (!m || draft.ownBlock || !curSecond) return;
    const text = m.groups!.bracketed ?? m.groups!.trailing;
    const read = parseDepartmentText(text, aliases, null);
    [draft.task.departments, draft.task.departmentsCarriedOver] = [read.assignment, false];
    curSecond.inline.push(read.assignment);
    const at = cell.start + m.index + m[0].indexOf(text);
    for (const p of read.problems) problem(at + p.start, at + p.end, p.reason);
  };
  const startTask = (number: number, cell: Cell, textFrom: number | null) => {
    const second = ensureSecond(cell);
    if (number !== lastTaskNumber + 1)
      problem(cell.start, cell.end, `任务序号${number}不连续 task number out of sequence (previous ${lastTaskNumber})`);
    lastTaskNumber = number;
    const inForce = second.blocks.at(-1) ?? second.carried;
    const task: ParsedTask = {
      number,
      text: '',
      span: span(input, cell.end, cell.end),
      departments: inForce ?? emptyAssignment(),
      departmentsCarriedOver: !second.blocks.length && !!inForce,
      targets: [],
    };
    second.second.tasks.push(task);
    drafts.push((curTask = { task, cells: [], ownBlock: false, results: false }));
    if (textFrom !== null) {
      curTask.cells.push({
        ...cell,
        start: cell.start + textFrom,
        text: cell.text.slice(textFrom),
        folded: cell.folded.slice(textFrom),
      });
      takeInlineDepartments(curTask, curTask.cells[0]);
    }
  };

  for (let i = first; i < cells.length; i++) {
    const cell = cells[i];
    const kind = kinds[i];
    const wasOpen = openRole !== null || openBlock !== null;
    if (kind.kind !== 'departments' && !(kind.kind === 'text' && wasOpen && looksLikeNameList(cell.folded)))
      [openRole, openBlock] = [null, null];

    if (kind.kind === 'heading') {
      let level = schemes.indexOf(kind.scheme) + 1;
      if (level === 0 && schemes.length < 2 && looksLikeTitle(kind.title)) level = schemes.push(kind.scheme);
      if (level === 0 || !looksLikeTitle(kind.title)) {
        startTask(kind.number, cell, kind.titleOffset); // a numbered sentence: a task on one line
        continue;
      }
      const title = cell.text.slice(kind.titleOffset);
      const titleStart = cell.start + kind.titleOffset;
      curTask = null;
      if (level === 1) {
        // Repeated first-level headings (rowspan artefacts) continue the existing node.
        curFirst = firsts.find((f) => f.number === kind.number && sameTitle(f.title, title)) ?? null;
        if (!curFirst)
          firsts.push(
            (curFirst = { number: kind.number, title, span: span(input, titleStart, cell.end), children: [] }),
          );
        curSecond = null;
      } else {
        if (!curFirst) {
          problem(cell.start, cell.end, '二级指标前没有一级指标 second-level heading before any first-level heading');
          firsts.push((curFirst = { number: 0, title: '', span: span(input, cell.start, cell.start), children: [] }));
        }
        const again = seconds.find(
          (s) =>
            curFirst!.children.includes(s.second) &&
            s.second.number === kind.number &&
            sameTitle(s.second.title, title),
        );
        curSecond = again ?? openSecond(kind.number, title, titleStart, cell.end);
      }
    } else if (kind.kind === 'task-number') {
      startTask(kind.number, cell, null);
    } else if (kind.kind === 'departments' || openBlock) {
      if (!curSecond) {
        problem(cell.start, cell.end, '部门行不属于任何指标 department line outside any indicator');
        continue;
      }
      if (!openBlock) {
        // A new department line: it covers the task just before it and the following ones.
        openBlock = emptyAssignment();
        curSecond.blocks.push(openBlock);
        lastBlock = openBlock;
        if (curTask && !curTask.ownBlock)
          [curTask.task.departments, curTask.task.departmentsCarriedOver, curTask.ownBlock] = [openBlock, false, true];
      }
      const read = parseDepartmentText(cell.folded, aliases, openRole);
      mergeAssignment(openBlock, read.assignment);
      openRole = read.lastRole;
      for (const p of read.problems) problem(cell.start + p.start, cell.start + p.end, p.reason);
    } else if (curTask?.results) {
      continue; // a result column of a progress table
    } else if (curTask) {
      if (progressTable && looksLikeNameList(cell.folded)) {
        curTask.results = true;
        continue;
      }
      if (curTask.ownBlock)
        problem(
          cell.start,
          cell.end,
          `部门行之后的正文,已并入任务${curTask.task.number} text after a department line, appended to task ${curTask.task.number}`,
        );
      curTask.cells.push(cell);
      takeInlineDepartments(curTask, cell);
    } else {
      addLoose(cell);
    }
  }

  for (const { task, cells: taskCells } of drafts) {
    if (!taskCells.length) {
      problem(task.span.start, task.span.end, `任务${task.number}没有正文 task ${task.number} has no text`);
      continue;
    }
    task.text = taskCells.map((c) => c.text).join('\n');
    task.span = span(input, taskCells[0].start, taskCells.at(-1)!.end);
  }
  for (const { second, blocks, inline, carried } of seconds) {
    for (const b of inline) mergeAssignment(second.departments, b);
    if (blocks.length) for (const b of blocks) mergeAssignment(second.departments, b);
    else if (carried) [second.departments, second.departmentsCarriedOver] = [carried, true];
  }
  return { plan: { indicators: firsts, ...namesOf(seconds.map((s) => s.second)), unresolved }, loose };
}

function namesOf(seconds: ParsedSecondLevel[]): { departments: string[]; departmentGroups: string[] } {
  const departments: string[] = [];
  const departmentGroups: string[] = [];
  for (const { departments: d } of seconds) {
    merge(departments, [...d.lead, ...d.responsible]);
    merge(departmentGroups, [...d.leadGroups, ...d.responsibleGroups]);
  }
  return { departments, departmentGroups };
}
