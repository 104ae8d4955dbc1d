/** What went wrong reading or writing a file, as a sentence: Node's own words (ENOENT …) never reach the user. */
import type { Entry } from './index.js';

export const zh = {
  'io.ENOENT': '没有这个文件或文件夹',
  'io.EISDIR': '这是一个文件夹，不是文件',
  'io.ENOTDIR': '路径中有一段不是文件夹',
  'io.EACCES': '没有权限读写它',
  'io.EEXIST': '已有同名的文件或文件夹',
  'io.ENOSPC': '磁盘已满，写不下',
  'io.EROFS': '所在的磁盘是只读的',
  'io.EMFILE': '同时打开的文件太多，请分批处理',
  'io.ENAMETOOLONG': '文件名太长',
  'io.ELOOP': '符号链接循环指向自身',
  'io.EBUSY': '文件正被其他程序占用',
  'io.not-a-file': '不是文件，也不是文件夹',
  'io.other': '无法读写它（{code}）',
} satisfies Record<string, Entry>;

export const en: Record<keyof typeof zh, Entry> = {
  'io.ENOENT': 'no such file or directory',
  'io.EISDIR': 'is a directory, not a file',
  'io.ENOTDIR': 'a part of the path is not a directory',
  'io.EACCES': 'no permission to read or write it',
  'io.EEXIST': 'a file or directory of that name exists',
  'io.ENOSPC': 'the disk is full',
  'io.EROFS': 'the disk is read-only',
  'io.EMFILE': 'too many files open at once: take them in batches',
  'io.ENAMETOOLONG': 'the file name is too long',
  'io.ELOOP': 'a symbolic link points back at itself',
  'io.EBUSY': 'the file is in use by another program',
  'io.not-a-file': 'not a file or directory',
  'io.other': 'cannot be read or written ({code})',
};
