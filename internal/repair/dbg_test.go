package repair

import (
	"fmt"
	"strings"
	"testing"
)

func TestDbgGain(t *testing.T) {
	for _, c := range [][3]string{
		{"The service is charged at 拢3.95 per month for every user.", "拢", "£"},
		{"The service is charged at 瞿3.95 per month for every user.", "瞿", "£"},
		{"The service is charged at 짙3.95 per month for every user.", "짙", "£"},
		{"Temperatures are expected to top 38簞.", "簞", "°"},
		{"Temperatures are expected to top 38째.", "째", "°"},
		{"Thumbnails are 160 脳 120 pixels wide.", "脳", "×"},
		{"The character 拢 means to gather in Chinese.", "拢", "£"},
		{"It costs 3.95元 in Beijing.", "元", "£"},
		{"She wrote 2019年 on the card.", "年", "£"},
	} {
		var sc scratch
		s := c[0]
		sc.langsOf = s
		from := strings.Index(s, c[1])
		g := gainAt(&sc, s, from, from+len(c[1]), c[2])
		fmt.Printf("%-60s %s→%s gain %.2f\n", s, c[1], c[2], g)
	}
}
