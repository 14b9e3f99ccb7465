// SPDX-License-Identifier: GPL-2.0
/*
 * udp-blast: send UDP datagrams out of one interface as fast as the stack
 * takes them, for a while; the throughput is measured where the frames
 * leave (the interface's tx_packets), not here.
 *
 *   udp-blast IFNAME DEST-IPV4 PORT PAYLOAD-BYTES SECONDS
 *
 * Prints "sent N datagrams in S s".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct sockaddr_in dst = { .sin_family = AF_INET };
	unsigned long sent = 0;
	double start, end;
	char *buf;
	size_t len;
	int s;

	if (argc != 6) {
		fprintf(stderr, "usage: %s IFNAME DEST-IPV4 PORT PAYLOAD-BYTES SECONDS\n", argv[0]);
		return 2;
	}
	len = strtoul(argv[4], NULL, 0);
	buf = calloc(1, len ? len : 1);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (!buf || s < 0 || inet_pton(AF_INET, argv[2], &dst.sin_addr) != 1) {
		perror("udp-blast");
		return 1;
	}
	dst.sin_port = htons(atoi(argv[3]));
	if (setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, argv[1], strlen(argv[1]) + 1)) {
		perror("SO_BINDTODEVICE");
		return 1;
	}
	start = now();
	end = start + atof(argv[5]);
	while (now() < end) {
		if (sendto(s, buf, len, 0, (struct sockaddr *)&dst, sizeof(dst)) == (ssize_t)len)
			sent++;
		else if (errno != ENOBUFS && errno != EAGAIN)
			break;
	}
	printf("sent %lu datagrams in %.2f s\n", sent, now() - start);
	return 0;
}
