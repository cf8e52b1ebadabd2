package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// residentBytes reads a process's resident set size (VmRSS) from
// /proc/PID/status.
func residentBytes(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			fields := strings.Fields(rest) // "12345 kB"
			if len(fields) == 2 && fields[1] == "kB" {
				kb, err := strconv.ParseInt(fields[0], 10, 64)
				return kb * 1024, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// residentTotal is the resident memory of all of pids together.
func residentTotal(pids []int) (int64, error) {
	var sum int64
	for _, pid := range pids {
		b, err := residentBytes(pid)
		if err != nil {
			return 0, err
		}
		sum += b
	}
	return sum, nil
}
