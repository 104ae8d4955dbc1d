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
  'io.not-utf8': '不是 UTF-8 编码的文本（可能是 GBK）：请先另存为 UTF-8，本程序不会改写它',
  'io.dangling-link': '是指向不存在文件的符号链接',
  'io.busy': '正被另一个程序修改（锁文件 {lock}），请稍后再试',
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
  'io.not-utf8': 'not UTF-8 text (GBK perhaps?): save it as UTF-8 first; it is never rewritten',
  'io.dangling-link': 'is a symbolic link to a file that is not there',
  'io.busy': 'another program is changing it (lock file {lock}): try again shortly',
};
