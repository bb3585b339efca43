package moji_test

import (
	"encoding/json"
	"fmt"

	"github.com/mojitext/moji"
)

func ExampleFix() {
	fmt.Println(moji.Fix("itâ€™s a cafÃ©"))
	fmt.Println(moji.Fix("Japan鈥檚 hopes"))
	fmt.Println(moji.Fix("“Correct text” stays as it is"))
	// Output:
	// it’s a café
	// Japan’s hopes
	// “Correct text” stays as it is
}

func ExampleConfig_Fix() {
	text, plan := moji.Default.Fix("The cafÃ©")
	fmt.Println(text)
	for _, step := range plan {
		fmt.Println(step)
	}
	// Output:
	// The café
	// utf-8 bytes decoded as sloppy-windows-1252
}

func ExamplePlan_Apply() {
	_, plan := moji.Default.Fix("naÃ¯ve")
	data, _ := json.Marshal(plan)

	var replay moji.Plan
	if err := json.Unmarshal(data, &replay); err != nil {
		panic(err)
	}
	out, err := replay.Apply("rÃ©sumÃ©")
	fmt.Println(out, err)
	// Output:
	// résumé <nil>
}

func ExampleFtfyCompat() {
	// ftfy's defaults also straighten quotes and normalize.
	fmt.Println(moji.FtfyCompat.FixString("â€œHelloâ€\u009d"))
	// Output:
	// "Hello"
}

func ExampleConfig_DecideLikeFtfy() {
	// The ftfy presets decide as ftfy does: "Bremer/Mccoy – DrÃ¥ber"
	// mixes a correct dash with one pair that alone is no evidence, and
	// ftfy leaves it. With moji's own decision, the "å" comes back.
	line := "Bremer/Mccoy – DrÃ¥ber"
	own := moji.EncodingOnly
	own.DecideLikeFtfy = false
	fmt.Println(moji.EncodingOnly.FixString(line))
	fmt.Println(own.FixString(line))
	// Output:
	// Bremer/Mccoy – DrÃ¥ber
	// Bremer/Mccoy – Dråber
}
